"""ReturnConsumedCapacity (TOTAL, INDEXES) and ReturnItemCollectionMetrics through
boto3: units from item sizes, index writes, index reads, batches and transactions.

Run by tests/it/boto3.rs: python dynamodb_capacity_boto3.py ENDPOINT.
"""

import sys

from checks import client

endpoint = sys.argv[1]
ddb = client("dynamodb", endpoint)

ddb.create_table(
    TableName="cap", BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
                          {"AttributeName": "g", "AttributeType": "S"}, {"AttributeName": "l", "AttributeType": "S"}],
    GlobalSecondaryIndexes=[{"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                             "Projection": {"ProjectionType": "KEYS_ONLY"}}],
    LocalSecondaryIndexes=[{"IndexName": "by_l", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                                {"AttributeName": "l", "KeyType": "RANGE"}],
                            "Projection": {"ProjectionType": "ALL"}}])

# A 1.5 KB item without index keys: 2 units, the table's only.
big = {"pk": {"S": "a"}, "sk": {"S": "1"}, "blob": {"S": "x" * 1500}}
c = ddb.put_item(TableName="cap", Item=big, ReturnConsumedCapacity="INDEXES")["ConsumedCapacity"]
assert c == {"TableName": "cap", "CapacityUnits": 2.0, "Table": {"CapacityUnits": 2.0}}, c
# With both index keys: the table, the GSI (keys only) and the LSI (all) each pay.
small = {"pk": {"S": "a"}, "sk": {"S": "2"}, "g": {"S": "G"}, "l": {"S": "L"}}
c = ddb.put_item(TableName="cap", Item=small, ReturnConsumedCapacity="INDEXES",
                 ReturnItemCollectionMetrics="SIZE")
cc = c["ConsumedCapacity"]
assert cc["CapacityUnits"] == 3.0 and cc["Table"] == {"CapacityUnits": 1.0}, cc
assert cc["GlobalSecondaryIndexes"] == {"by_g": {"CapacityUnits": 1.0}}, cc
assert cc["LocalSecondaryIndexes"] == {"by_l": {"CapacityUnits": 1.0}}, cc
assert c["ItemCollectionMetrics"]["ItemCollectionKey"] == {"pk": {"S": "a"}}, c
assert len(c["ItemCollectionMetrics"]["SizeEstimateRangeGB"]) == 2, c
# The same item again: the index entries stay as they are, only the table pays.
c = ddb.put_item(TableName="cap", Item=small, ReturnConsumedCapacity="TOTAL")["ConsumedCapacity"]
assert c == {"TableName": "cap", "CapacityUnits": 1.0}, c
# A new GSI key moves the entry: a delete and a put there.
moved = {**small, "g": {"S": "H"}}
c = ddb.put_item(TableName="cap", Item=moved, ReturnConsumedCapacity="INDEXES")["ConsumedCapacity"]
assert c["GlobalSecondaryIndexes"] == {"by_g": {"CapacityUnits": 2.0}}, c
ddb.put_item(TableName="cap", Item=small)

# Reads: eventually consistent halves; an index read is the index's.
c = ddb.get_item(TableName="cap", Key={"pk": {"S": "a"}, "sk": {"S": "1"}}, ReturnConsumedCapacity="TOTAL")
assert c["ConsumedCapacity"]["CapacityUnits"] == 0.5, c
c = ddb.get_item(TableName="cap", Key={"pk": {"S": "a"}, "sk": {"S": "1"}}, ConsistentRead=True,
                 ReturnConsumedCapacity="TOTAL")
assert c["ConsumedCapacity"]["CapacityUnits"] == 1.0, c
q = ddb.query(TableName="cap", IndexName="by_g", KeyConditionExpression="g = :g",
              ExpressionAttributeValues={":g": {"S": "G"}}, ReturnConsumedCapacity="INDEXES")["ConsumedCapacity"]
assert q["GlobalSecondaryIndexes"] == {"by_g": {"CapacityUnits": 0.5}} and "Table" not in q, q

# Batches: one entry per table, each item counted.
b = ddb.batch_write_item(RequestItems={"cap": [{"PutRequest": {"Item": {"pk": {"S": "b"}, "sk": {"S": str(i)}}}}
                                              for i in range(3)]}, ReturnConsumedCapacity="TOTAL")
assert b["ConsumedCapacity"] == [{"TableName": "cap", "CapacityUnits": 3.0}], b
g = ddb.batch_get_item(RequestItems={"cap": {"Keys": [{"pk": {"S": "b"}, "sk": {"S": str(i)}} for i in range(3)]}},
                       ReturnConsumedCapacity="TOTAL")
assert g["ConsumedCapacity"] == [{"TableName": "cap", "CapacityUnits": 1.5}], g

# Transactions cost double.
t = ddb.transact_write_items(TransactItems=[{"Put": {"TableName": "cap", "Item": {"pk": {"S": "c"}, "sk": {"S": "1"}}}},
                                            {"Put": {"TableName": "cap", "Item": {"pk": {"S": "c"}, "sk": {"S": "2"}}}}],
                             ReturnConsumedCapacity="TOTAL")
assert t["ConsumedCapacity"] == [{"TableName": "cap", "CapacityUnits": 4.0}], t
tg = ddb.transact_get_items(TransactItems=[{"Get": {"TableName": "cap", "Key": {"pk": {"S": "c"}, "sk": {"S": "1"}}}}],
                            ReturnConsumedCapacity="TOTAL")
assert tg["ConsumedCapacity"] == [{"TableName": "cap", "CapacityUnits": 2.0}], tg
# Nothing asked, nothing said.
assert "ConsumedCapacity" not in ddb.put_item(TableName="cap", Item=small)
print("capacity boto3: all checks passed")
