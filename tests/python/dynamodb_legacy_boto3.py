"""DynamoDB's pre-expression parameters through boto3, as older code sends them:
AttributesToGet, KeyConditions, QueryFilter, ScanFilter, Expected,
AttributeUpdates and ConditionalOperator, with AWS's errors.

Run by tests/it/boto3.rs: python dynamodb_legacy_boto3.py ENDPOINT. Exits non-zero
on the first failed check.
"""

import sys

from checks import client, error_of

endpoint = sys.argv[1]
ddb = client("dynamodb", endpoint)




T = "legacy"
ddb.create_table(TableName=T, BillingMode="PAY_PER_REQUEST",
                 KeySchema=[{"AttributeName": "owner", "KeyType": "HASH"}, {"AttributeName": "id", "KeyType": "RANGE"}],
                 AttributeDefinitions=[{"AttributeName": "owner", "AttributeType": "S"},
                                       {"AttributeName": "id", "AttributeType": "S"}])

# PutItem with Expected: Exists false creates once, then fails.
item = {"owner": {"S": "ann"}, "id": {"S": "a1"}, "title": {"S": "milk"}, "n": {"N": "1"}}
ddb.put_item(TableName=T, Item=item, Expected={"id": {"Exists": False}})
code, _ = error_of(ddb.put_item, TableName=T, Item=item, Expected={"id": {"Exists": False}})
assert code == "ConditionalCheckFailedException", code
# The Value form and the ComparisonOperator form, AND and OR.
ddb.put_item(TableName=T, Item={**item, "title": {"S": "tea"}}, Expected={"title": {"Value": {"S": "milk"}}})
code, _ = error_of(ddb.put_item, TableName=T, Item=item,
                   Expected={"title": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "milk"}]},
                             "n": {"ComparisonOperator": "GT", "AttributeValueList": [{"N": "0"}]}})
assert code == "ConditionalCheckFailedException", code
ddb.put_item(TableName=T, Item=item, ConditionalOperator="OR",
             Expected={"title": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "milk"}]},
                       "n": {"ComparisonOperator": "GT", "AttributeValueList": [{"N": "0"}]}})
for i in range(2, 6):
    ddb.put_item(TableName=T, Item={"owner": {"S": "ann"}, "id": {"S": f"a{i}"}, "n": {"N": str(i)},
                                    "tags": {"SS": ["x", f"t{i}"]}})
ddb.put_item(TableName=T, Item={"owner": {"S": "bob"}, "id": {"S": "b1"}, "n": {"N": "9"}})

# GetItem with AttributesToGet.
got = ddb.get_item(TableName=T, Key={"owner": {"S": "ann"}, "id": {"S": "a1"}}, AttributesToGet=["title", "n"])
assert got["Item"] == {"title": {"S": "milk"}, "n": {"N": "1"}}, got

# UpdateItem with AttributeUpdates: PUT, ADD to a number, a set and a list, DELETE.
out = ddb.update_item(TableName=T, Key={"owner": {"S": "ann"}, "id": {"S": "a1"}}, ReturnValues="ALL_NEW",
                      AttributeUpdates={"title": {"Action": "PUT", "Value": {"S": "bread"}},
                                        "n": {"Action": "ADD", "Value": {"N": "5"}},
                                        "tags": {"Action": "ADD", "Value": {"SS": ["new"]}},
                                        "log": {"Action": "ADD", "Value": {"L": [{"S": "one"}]}}})
attrs = out["Attributes"]
assert attrs["title"] == {"S": "bread"} and attrs["n"] == {"N": "6"}, attrs
assert attrs["tags"] == {"SS": ["new"]} and attrs["log"] == {"L": [{"S": "one"}]}, attrs
out = ddb.update_item(TableName=T, Key={"owner": {"S": "ann"}, "id": {"S": "a1"}}, ReturnValues="ALL_NEW",
                      AttributeUpdates={"log": {"Action": "ADD", "Value": {"L": [{"S": "two"}]}},
                                        "tags": {"Action": "DELETE", "Value": {"SS": ["new"]}},
                                        "title": {"Action": "DELETE"}},
                      Expected={"n": {"Value": {"N": "6"}}})
attrs = out["Attributes"]
assert attrs["log"] == {"L": [{"S": "one"}, {"S": "two"}]}, attrs
assert "tags" not in attrs and "title" not in attrs, attrs

# Query with KeyConditions, QueryFilter, AttributesToGet, ConditionalOperator.
q = ddb.query(TableName=T, KeyConditions={
    "owner": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ann"}]},
    "id": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"S": "a2"}, {"S": "a5"}]}},
    QueryFilter={"n": {"ComparisonOperator": "GE", "AttributeValueList": [{"N": "4"}]},
                 "tags": {"ComparisonOperator": "CONTAINS", "AttributeValueList": [{"S": "t2"}]}},
    ConditionalOperator="OR", AttributesToGet=["id"])
assert [i["id"]["S"] for i in q["Items"]] == ["a2", "a4", "a5"], q
assert q["ScannedCount"] == 4, q
q = ddb.query(TableName=T, Select="COUNT", KeyConditions={
    "owner": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ann"}]},
    "id": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [{"S": "a"}]}})
assert q["Count"] == 5, q
# KeyConditions beside a FilterExpression: accepted, as on AWS.
q = ddb.query(TableName=T, KeyConditions={"owner": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ann"}]}},
              FilterExpression="n > :n", ExpressionAttributeValues={":n": {"N": "4"}})
assert [i["id"]["S"] for i in q["Items"]] == ["a1", "a5"], q

# Scan with ScanFilter: IN, NOT_NULL, NULL, NOT_CONTAINS.
s = ddb.scan(TableName=T, ScanFilter={"n": {"ComparisonOperator": "IN", "AttributeValueList": [{"N": "2"}, {"N": "9"}]}})
assert sorted(i["id"]["S"] for i in s["Items"]) == ["a2", "b1"], s
s = ddb.scan(TableName=T, ScanFilter={"tags": {"ComparisonOperator": "NULL"}})
assert sorted(i["id"]["S"] for i in s["Items"]) == ["a1", "b1"], s
s = ddb.scan(TableName=T, ScanFilter={"tags": {"ComparisonOperator": "NOT_CONTAINS", "AttributeValueList": [{"S": "t3"}]},
                                      "n": {"ComparisonOperator": "NOT_NULL"}})
assert sorted(i["id"]["S"] for i in s["Items"]) == ["a1", "a2", "a4", "a5", "b1"], s

# BatchGetItem with AttributesToGet.
b = ddb.batch_get_item(RequestItems={T: {"Keys": [{"owner": {"S": "bob"}, "id": {"S": "b1"}}], "AttributesToGet": ["n"]}})
assert b["Responses"][T] == [{"n": {"N": "9"}}], b

# DeleteItem with Expected.
code, _ = error_of(ddb.delete_item, TableName=T, Key={"owner": {"S": "bob"}, "id": {"S": "b1"}},
                   Expected={"n": {"ComparisonOperator": "LT", "AttributeValueList": [{"N": "5"}]}})
assert code == "ConditionalCheckFailedException", code
ddb.delete_item(TableName=T, Key={"owner": {"S": "bob"}, "id": {"S": "b1"}},
                Expected={"n": {"ComparisonOperator": "GE", "AttributeValueList": [{"N": "5"}]}})

# AWS's errors: mixing the two forms, and wrong legacy members; nothing changes.
code, message = error_of(ddb.get_item, TableName=T, Key={"owner": {"S": "ann"}, "id": {"S": "a1"}},
                         AttributesToGet=["n"], ProjectionExpression="n")
assert code == "ValidationException", code
assert message == ("Can not use both expression and non-expression parameters in the same request: "
                   "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"), message
code, message = error_of(ddb.scan, TableName=T, ScanFilter={"n": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"N": "1"}]}})
assert message == "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator", message
code, message = error_of(ddb.update_item, TableName=T, Key={"owner": {"S": "ann"}, "id": {"S": "a2"}},
                         AttributeUpdates={"n": {"Action": "ADD", "Value": {"S": "x"}}})
assert message == "One or more parameter values were invalid: ADD action is not supported for the type S", message
code, message = error_of(ddb.put_item, TableName=T, Item=item, Expected={"n": {"Exists": False, "Value": {"N": "1"}}})
assert message == "1 validation error detected: One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: n", message
assert ddb.get_item(TableName=T, Key={"owner": {"S": "ann"}, "id": {"S": "a2"}})["Item"]["n"] == {"N": "2"}
print("legacy boto3: all checks passed")
