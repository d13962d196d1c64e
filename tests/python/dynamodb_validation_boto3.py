"""DynamoDB's validation as AWS words it and in the order AWS checks it, through
boto3 with its own parameter checks off (so the emulator sees what AWS would).
The expected strings are AWS's, as a conformance suite recorded them against
several regions.

Run by tests/it/boto3.rs: python dynamodb_validation_boto3.py ENDPOINT.
"""

import base64
import sys

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="local", aws_secret_access_key="local", region_name="us-east-1")
ddb = session.client("dynamodb", endpoint_url=endpoint,
                     config=Config(retries={"max_attempts": 1}, parameter_validation=False))

for name, t in [("hashes", "S"), ("binaries", "B")]:
    ddb.create_table(TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": t}], BillingMode="PAY_PER_REQUEST")


def message(name, **kw):
    try:
        getattr(ddb, name)(**kw)
    except ddb.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError(f"{name} {kw} should have failed")


def check(expected, name, **kw):
    code, msg = message(name, **kw)
    assert (code, msg) == expected, f"{name}: got {code}: {msg!r}, want {expected[1]!r}"


V = "ValidationException"
T = "hashes"
one = lambda m: (V, f"1 validation error detected: {m}")
NOT_NUMERIC = "The parameter cannot be converted to a numeric value"
OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than supported range"
UNDERFLOW = "Number underflow. Attempting to store a number with magnitude smaller than supported range"
EMPTY_NAME = "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1"
NO_KEY = "Value null at 'key' failed to satisfy constraint: Member must not be null"
RCC = "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"
RV = "Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"
update = {"UpdateExpression": "SET a = :a", "ExpressionAttributeValues": {":a": {"S": "x"}}}

# Every failing member in one message, in AWS's order.
check(one(EMPTY_NAME), "put_item", TableName="", Item={"pk": {"S": "t"}})
check((V, f"2 validation errors detected: {EMPTY_NAME}; {NO_KEY}"), "update_item", TableName="", **update)
check((V, f"4 validation errors detected: {RCC}; {EMPTY_NAME}; {RV}; {NO_KEY}"), "update_item",
      TableName="", ReturnConsumedCapacity="INVALID", ReturnValues="INVALID", **update)
check((V, "2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
          f"Member must satisfy enum value set: [OR, AND]; {NO_KEY}"), "update_item", TableName="absent_table",
      AttributeUpdates={"x": {"Action": "PUT", "Value": {"S": "1"}}},
      Expected={"a": {"Exists": False}, "b": {"Exists": False}}, ConditionalOperator="XOR")
check((V, "Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]"), "query", TableName="absent_table",
      KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
      QueryFilter={"b": {"ComparisonOperator": "NULL"}, "c": {"ComparisonOperator": "NULL"}},
      ConditionalOperator="XOR", Select="BOGUS")

# Messages inside and outside the envelope.
item = {"pk": {"S": "t"}}
check(one("ExpressionAttributeValues can only be specified when using expressions"), "put_item", TableName=T, Item=item,
      ExpressionAttributeValues={":v": {"S": "x"}})
check(one("Invalid ConditionExpression: The expression can not be empty;"), "put_item", TableName=T, Item=item,
      ConditionExpression="")
check(one("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a"),
      "put_item", TableName=T, Item=item, Expected={"a": {"Exists": True}})
check(one("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v"),
      "update_item", TableName=T, Key=item, UpdateExpression="SET b = :w", ConditionExpression="a = :v",
      ExpressionAttributeValues={":w": {"S": "x"}})
check((V, "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]"),
      "put_item", TableName=T, Item=item, ConditionExpression="contains(#a, #a)", ExpressionAttributeNames={"#a": "data"})
check((V, "One or more parameter values were invalid: Binary sets should not be empty"), "put_item", TableName=T,
      Item={"pk": {"S": "t"}, "b": {"BS": []}})

check(one("ReturnValues can only be ALL_OLD or NONE"), "delete_item", TableName=T, Key=item, ReturnValues="ALL_NEW")
check(one("ExpressionAttributeValues must not be empty"), "delete_item", TableName=T, Key=item,
      ConditionExpression="attribute_exists(a)", ExpressionAttributeValues={})
check(one("ExpressionAttributeNames can only be specified when using expressions"), "delete_item", TableName=T, Key=item,
      Expected={"a": {"Exists": False}}, ExpressionAttributeNames={"#a": "a"})
check(one("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
      "delete_item", TableName=T, Key=item, Expected={"a": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"S": "x"}]}})

# A malformed value, in the words of the layer each operation runs.
for shape, current, older in [("abc", f"{NOT_NUMERIC}: abc", f"{NOT_NUMERIC}: abc"), ("", f"{NOT_NUMERIC}: ", NOT_NUMERIC),
                              ("1e2147483647", OVERFLOW, UNDERFLOW)]:
    n = {"N": shape}
    check(one(current), "put_item", TableName=T, Item={"pk": {"S": "t"}, "n": n})
    check((V, current), "get_item", TableName=T, Key={"pk": n})
    check((V, older), "batch_write_item", RequestItems={T: [{"PutRequest": {"Item": {"pk": {"S": "t"}, "n": n}}}]})
    check((V, f"ExpressionAttributeValues contains invalid value: {older} for key :v"), "transact_write_items",
          TransactItems=[{"Update": {"TableName": T, "Key": item, "UpdateExpression": "SET n = :v",
                                     "ExpressionAttributeValues": {":v": n}}}])
dupes = {"BS": [base64.b64decode("/w=="), base64.b64decode("AA=="), base64.b64decode("AA==")]}
check(one('One or more parameter values were invalid: Input collection ["AA==","/w==","AA=="]of type BS contains duplicates.'),
      "put_item", TableName=T, Item={"pk": {"S": "t"}, "s": dupes})
check((V, 'One or more parameter values were invalid: Input collection ["a", "b", "b"] contains duplicates.'),
      "get_item", TableName=T, Key={"pk": {"SS": ["b", "a", "b"]}})
check((V, "Input collection contains duplicates"), "batch_write_item",
      RequestItems={T: [{"PutRequest": {"Item": {"pk": {"S": "t"}, "s": {"NS": ["2", "1", "2"]}}}}]})

# BatchWriteItem.
check((V, "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"),
      "batch_write_item", RequestItems={})
check((V, f"1 validation error detected: Value at 'RequestItems.{T}.member' failed to satisfy constraint: Member must have length less than or equal to 25"),
      "batch_write_item", RequestItems={T: [{"PutRequest": {"Item": {"pk": {"S": f"b{i}"}}}} for i in range(26)]})
check((V, "The provided key element does not match the schema"), "batch_write_item",
      RequestItems={T: [{"PutRequest": {"Item": {"pk": {"N": "5"}}}}]})
check(one(f"Value '{{{T}=[]}}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
          "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"),
      "batch_write_item", RequestItems={T: []})

# Key conditions: an operand no key type could satisfy, then the schema.
ddb.create_table(TableName="sorted", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                 AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
                 BillingMode="PAY_PER_REQUEST")
operand = lambda op, t: (V, f"Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: {op}, operand type: {t}")
p = {":p": {"S": "q"}}
check(operand(">=", "BOOL"), "query", TableName="sorted", KeyConditionExpression="pk = :p AND :v >= sk",
      ExpressionAttributeValues={**p, ":v": {"BOOL": True}})
check(operand("begins_with", "N"), "query", TableName="sorted", KeyConditionExpression="pk = :p AND begins_with(sk, :v)",
      ExpressionAttributeValues={**p, ":v": {"N": "1"}})
check((V, "One or more parameter values were invalid: Condition parameter type does not match schema type"), "query",
      TableName="sorted", KeyConditionExpression="pk = :p AND sk = :v", ExpressionAttributeValues={**p, ":v": {"BOOL": True}})
check((V, "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key"), "query",
      TableName="sorted", KeyConditionExpression="pk = :p AND sk > :a AND sk < :b",
      ExpressionAttributeValues={**p, ":a": {"N": "1"}, ":b": {"N": "5"}})
check((V, "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)"), "query",
      TableName="sorted", KeyConditionExpression="pk = :p AND sk > :a AND extra = :b",
      ExpressionAttributeValues={**p, ":a": {"N": "1"}, ":b": {"N": "5"}})

# BatchGetItem.
check((V, "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"),
      "batch_get_item", RequestItems={})
check((V, f"1 validation error detected: Value at 'RequestItems.{T}.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100"),
      "batch_get_item", RequestItems={T: {"Keys": [{"pk": {"S": f"k{i}"}} for i in range(101)]}})
check(one("Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: "
          "[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]"),
      "batch_get_item", RequestItems={"bad!name": {"Keys": [{"pk": {"S": "a"}}]}})
code, _ = message("batch_get_item", RequestItems={T: {"Keys": [item], "ProjectionExpression": "pk"},
                                                  "binaries": {"Keys": [{"pk": {"B": b"x"}}], "AttributesToGet": ["pk"]}})
assert code == V, code

# Transactions: member errors first, then expressions in request order, then tables; a key of the wrong type is a reason.
check((V, "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"),
      "transact_write_items", TransactItems=[])
check((V, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("'), "transact_write_items",
      TransactItems=[{"Put": {"TableName": "absent_table", "Item": item}},
                     {"ConditionCheck": {"TableName": T, "Key": item, "ConditionExpression": "attribute_not_exists("}}])
try:
    ddb.transact_write_items(TransactItems=[{"Put": {"TableName": T, "Item": {"pk": {"N": "5"}}}}])
    raise AssertionError("a key of the wrong type cancels the transaction")
except ddb.exceptions.TransactionCanceledException as e:
    reasons = [(r["Code"], r.get("Message")) for r in e.response["CancellationReasons"]]
    assert reasons == [("ValidationError", "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N")], reasons
check((V, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"),
      "transact_write_items", TransactItems=[{"Put": {"TableName": T, "Item": {"pk": {"S": ""}}}}])
assert "Item" not in ddb.get_item(TableName=T, Key=item)
check((V, 'Invalid ProjectionExpression: Syntax error; token: "!", near: "!!"'), "transact_get_items",
      TransactItems=[{"Get": {"TableName": T, "Key": item, "ProjectionExpression": "!!!"}}])
try:
    ddb.transact_get_items(TransactItems=[{"Get": {"TableName": T, "Key": {}}}])
    raise AssertionError("a get without its key cancels the transaction")
except ddb.exceptions.TransactionCanceledException as e:
    assert [r["Code"] for r in e.response["CancellationReasons"]] == ["ValidationError"], e.response

# ListTables: each broken rule of a member is its own error, numbers echoed quoted.
check(one("Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
      "list_tables", Limit=0)
check(one("Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"),
      "list_tables", Limit=101)
START = "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: "
check((V, f"3 validation errors detected: {START}Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
          f"{START}Member must have length greater than or equal to 3; "
          "Value '500' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"),
      "list_tables", ExclusiveStartTableName="a;", Limit=500)
check(one(f"Value '{'a' * 256}' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length less than or equal to 255"),
      "list_tables", ExclusiveStartTableName="a" * 256)
check(one("Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1"),
      "scan", TableName=T, Segment=0, TotalSegments=0)

# Scan checks its segments before the table and the expressions.
check((V, "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"),
      "scan", TableName="absent_table", Segment=1, FilterExpression="", ExpressionAttributeNames={})
check((V, "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is not less than TotalSegments: 1"),
      "scan", TableName="absent_table", Segment=1, TotalSegments=1, FilterExpression="", ExpressionAttributeValues={})

# A KeyConditionExpression's shape is checked before the table: AWS's words for each fault.
v1 = {":v": {"S": "x"}}
for expression, values, want in [
    ("pk = :v OR sk = :v", v1, "Invalid operator used in KeyConditionExpression: OR"),
    ("attribute_exists(pk)", None, "Invalid operator used in KeyConditionExpression: attribute_exists"),
    ("pk <> :v", v1, "Invalid operator used in KeyConditionExpression: <>"),
    ("size(sk) > :v AND pk = :v", v1, "KeyConditionExpressions cannot contain nested operations"),
    (":v between size(sk) and size(pk) AND pk = :v", v1,
     "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand"),
    ("sk > pk.b", None, "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"),
    ("sk.d > :v", v1, "KeyConditionExpressions cannot have conditions on nested attributes"),
    (":v > :v AND pk = :v", v1, "Invalid condition in KeyConditionExpression: No key attribute specified"),
    ("pk between :b and :a", {":a": {"S": "a"}, ":b": {"N": "1"}},
     "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
     "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"),
    ("pk between :b and :a", {":a": {"S": "a"}, ":b": {"S": "b"}},
     "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
     "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"),
]:
    kw = {"ExpressionAttributeValues": values} if values else {}
    check((V, want), "query", TableName="absent_table", KeyConditionExpression=expression, **kw)
check((V, "Query condition missed key schema element: sk"), "query", TableName="sorted",
      KeyConditionExpression="pk = :p AND extra = :v", ExpressionAttributeValues={**p, ":v": {"N": "1"}})

# An ExclusiveStartKey outside the condition's partition, or off its sort-key condition.
check((V, "The provided starting key is outside query boundaries based on provided conditions"), "query",
      TableName="sorted", KeyConditionExpression="pk = :p", ExpressionAttributeValues=p,
      ExclusiveStartKey={"pk": {"S": "other"}, "sk": {"N": "1"}})
check((V, "The provided starting key does not match the range key predicate"), "query",
      TableName="sorted", KeyConditionExpression="pk = :p AND sk > :v", ExpressionAttributeValues={**p, ":v": {"N": "5"}},
      ExclusiveStartKey={"pk": {"S": "q"}, "sk": {"N": "1"}})
assert ddb.query(TableName="sorted", KeyConditionExpression="pk = :p AND sk > :v", ExpressionAttributeValues={**p, ":v": {"N": "5"}},
                 ExclusiveStartKey={"pk": {"S": "q"}, "sk": {"N": "6"}})["Count"] == 0

# CreateTable: member paths carry the list position; an index without a ProjectionType is refused.
defs = [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}]
ks = [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}]
check(one("Value 'SS' at 'attributeDefinitions.2.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]"),
      "create_table", TableName="abc", AttributeDefinitions=[defs[0], {"AttributeName": "b", "AttributeType": "SS"}],
      KeySchema=ks, BillingMode="PAY_PER_REQUEST")
check(one("Value null at 'keySchema' failed to satisfy constraint: Member must not be null"),
      "create_table", TableName="abc", AttributeDefinitions=defs, BillingMode="PAY_PER_REQUEST")
check(one("Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1"),
      "create_table", TableName="abc", AttributeDefinitions=defs, KeySchema=[], BillingMode="PAY_PER_REQUEST")
for projection in [{}, {"NonKeyAttributes": ["c"]}]:
    check((V, "One or more parameter values were invalid: Unknown ProjectionType: null"), "create_table", TableName="abc",
          AttributeDefinitions=defs, KeySchema=ks, BillingMode="PAY_PER_REQUEST",
          LocalSecondaryIndexes=[{"IndexName": "abc", "KeySchema": ks, "Projection": projection}])
index = "Value 'h;' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: "
check((V, f"2 validation errors detected: {index}Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
          f"{index}Member must have length greater than or equal to 3"), "create_table", TableName="abc",
      AttributeDefinitions=defs, KeySchema=ks, BillingMode="PAY_PER_REQUEST",
      GlobalSecondaryIndexes=[{"IndexName": "h;", "KeySchema": ks, "Projection": {"ProjectionType": "ALL"}}])
check(one("Value 'abc' at 'globalSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: "
          "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]"), "create_table", TableName="abc",
      AttributeDefinitions=defs, KeySchema=ks, BillingMode="PAY_PER_REQUEST",
      GlobalSecondaryIndexes=[{"IndexName": "idx", "KeySchema": ks, "Projection": {"ProjectionType": "abc"}}])
assert "abc" not in ddb.list_tables()["TableNames"], "a refused CreateTable creates nothing"

# Item operations check the whole request before the table: on a table that does not exist,
# a fault in the values or the expressions is what is reported.
A = "absent_table"
check(one("Invalid ProjectionExpression: The expression can not be empty;"), "get_item", TableName=A, Key={}, ProjectionExpression="")
check(one("ExpressionAttributeNames must not be empty"), "get_item", TableName=A, Key={}, ProjectionExpression="a",
      ExpressionAttributeNames={})
check((V, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}"), "put_item", TableName=A, Item=item,
      ConditionExpression="b = :v", ExpressionAttributeNames={"#a": "a"}, ExpressionAttributeValues={":v": {"S": "x"}})
check((V, 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET"'), "update_item", TableName=A, Key=item,
      UpdateExpression="SET")
check((V, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="'), "delete_item", TableName=A, Key=item,
      ConditionExpression="a =")
check(one("Invalid FilterExpression: The expression can not be empty;"), "scan", TableName=A, FilterExpression="")
code, _ = message("get_item", TableName=A, Key={})
assert code == "ResourceNotFoundException", code

# Keys are scalars: no path reaches inside one, and a Query's filter does not name its key.
SCALAR = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"
check((V, SCALAR), "get_item", TableName=T, Key=item, ProjectionExpression="#k.b", ExpressionAttributeNames={"#k": "pk"})
check((V, SCALAR), "scan", TableName=T, FilterExpression="attribute_exists(pk[0])")
check((V, "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk"), "query",
      TableName="sorted", KeyConditionExpression="pk = :p", FilterExpression="pk[1] = :p", ExpressionAttributeValues=p)
check((V, "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk"), "query",
      TableName="sorted", KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
      QueryFilter={"sk": {"ComparisonOperator": "NOT_NULL"}})

# Values, expressions and item sizes are checked before the table is looked up.
check((V, "One or more parameter values were invalid: An string set  may not be empty"), "batch_get_item",
      RequestItems={"absent_table": {"Keys": [{"pk": {"SS": []}}]}})
check((V, "Item size has exceeded the maximum allowed size"), "batch_write_item",
      RequestItems={"absent_table": [{"PutRequest": {"Item": {"pk": {"S": "x"}, "big": {"S": "x" * 410_000}}}}]})
check((V, "Item size has exceeded the maximum allowed size"), "put_item", TableName="absent_table",
      Item={"pk": {"S": "x"}, "big": {"S": "x" * 410_000}})
# A function's operands are checked without reading an item: an empty table refuses them too.
ddb.create_table(TableName="empty", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
check((V, "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
      "scan", TableName="empty", FilterExpression="begins_with(a, :n)", ExpressionAttributeValues={":n": {"N": "1"}})
check((V, "Invalid FilterExpression: Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1"),
      "scan", TableName="empty", FilterExpression="contains(a)")

# A member of the wrong JSON type is the JSON reader's error, before any validation.
SER = "SerializationException"
check((SER, "NUMBER_VALUE cannot be converted to String"), "put_item", TableName="", Item={"pk": {"S": 23}})
check((SER, "STRING_VALUE cannot be converted to Long"), "create_table", TableName="t",
      ProvisionedThroughput={"ReadCapacityUnits": "5", "WriteCapacityUnits": 5})
check((SER, "Unexpected token received from parser"), "get_item", TableName="absent_table", Key=item,
      ConsistentRead="yes")

# UpdateTable checks the request whole before it looks the table up.
check(one("Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"),
      "update_table", TableName="absent_table", ProvisionedThroughput={"ReadCapacityUnits": 0, "WriteCapacityUnits": 5})
check((V, "Given value 1000000000001 for ReadCapacityUnits is out of bounds"), "update_table", TableName="absent_table",
      ProvisionedThroughput={"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 5})
check((V, "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"),
      "update_table", TableName="absent_table")
# An ExclusiveStartKey's values are checked before the rest, as the starting key's.
check((V, "The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
      "scan", TableName="absent_table", Segment=1, ExclusiveStartKey={"pk": {}})
# Tag operations: the tags' own constraints, then the ARN's form, then the table.
ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/absent_table"
check(one("Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1"),
      "tag_resource", ResourceArn=ARN, Tags=[{"Key": "", "Value": "v"}])
check((V, "Atleast one Tag needs to be provided as Input."), "tag_resource", ResourceArn=ARN, Tags=[])
check((V, "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:000000000000:table/ab"),
      "list_tags_of_resource", ResourceArn="arn:aws:dynamodb:us-east-1:000000000000:table/ab")
check(("ResourceNotFoundException", "Requested resource not found"), "untag_resource", ResourceArn=ARN, TagKeys=["k"])
check(("ResourceNotFoundException", f"Requested resource not found: ResourcArn: {ARN} not found"), "tag_resource",
      ResourceArn=ARN, Tags=[{"Key": "k", "Value": "v"}])
# Two indexes of one name are named in the refusal.
gsi = {"IndexName": "dup", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}
check((V, "One or more parameter values were invalid: Duplicate index name: dup"), "create_table", TableName="dups",
      KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
      BillingMode="PAY_PER_REQUEST", GlobalSecondaryIndexes=[gsi, gsi])

print("all checks passed")
