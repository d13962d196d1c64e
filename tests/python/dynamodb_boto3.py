"""The emulator's DynamoDB through boto3 (a second SDK beside aws-sdk-rust).

Run by tests/it/boto3.rs: python dynamodb_boto3.py ENDPOINT. Exits non-zero on the
first failed check.
"""

import sys
from decimal import Decimal

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="local", aws_secret_access_key="local", region_name="us-east-1")
client = session.client("dynamodb", endpoint_url=endpoint, config=Config(retries={"max_attempts": 1}))
resource = session.resource("dynamodb", endpoint_url=endpoint, config=Config(retries={"max_attempts": 1}))


def error_code(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError("expected a ClientError")


client.create_table(
    TableName="todos",
    BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "owner", "KeyType": "HASH"}, {"AttributeName": "id", "KeyType": "RANGE"}],
    AttributeDefinitions=[
        {"AttributeName": "owner", "AttributeType": "S"},
        {"AttributeName": "id", "AttributeType": "S"},
        {"AttributeName": "state", "AttributeType": "S"},
        {"AttributeName": "due", "AttributeType": "N"},
    ],
    GlobalSecondaryIndexes=[
        {
            "IndexName": "by_state",
            "KeySchema": [{"AttributeName": "state", "KeyType": "HASH"}, {"AttributeName": "due", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["title"]},
        }
    ],
)
client.get_waiter("table_exists").wait(TableName="todos", WaiterConfig={"Delay": 0.1, "MaxAttempts": 20})

table = resource.Table("todos")
with table.batch_writer() as batch:
    for i in range(30):
        batch.put_item(Item={"owner": "ann", "id": f"{i:03}", "title": f"todo {i}", "state": "open" if i % 3 else "done",
                             "due": Decimal(i), "tags": {"a", "b"}, "blob": b"\x00\x01"})

item = table.get_item(Key={"owner": "ann", "id": "007"})["Item"]
assert item["title"] == "todo 7", item
assert item["tags"] == {"a", "b"}, item
assert item["blob"].value == b"\x00\x01", item

from boto3.dynamodb.conditions import Attr, Key

page = table.query(KeyConditionExpression=Key("owner").eq("ann") & Key("id").begins_with("01"), ScanIndexForward=False)
assert [i["id"] for i in page["Items"]] == [f"{i:03}" for i in range(19, 9, -1)], page["Items"]

open_items = table.query(IndexName="by_state", KeyConditionExpression=Key("state").eq("open") & Key("due").lt(10))
assert open_items["Count"] == 6, open_items["Count"]
assert set(open_items["Items"][0].keys()) == {"owner", "id", "state", "due", "title"}, open_items["Items"][0]

scanned = table.scan(FilterExpression=Attr("due").between(5, 9), Limit=50)
assert scanned["Count"] == 5 and scanned["ScannedCount"] == 30, scanned

updated = table.update_item(
    Key={"owner": "ann", "id": "001"},
    UpdateExpression="SET #s = :done, due = due + :d ADD tags :t",
    ConditionExpression=Attr("state").eq("open"),
    ExpressionAttributeNames={"#s": "state"},
    ExpressionAttributeValues={":done": "done", ":d": Decimal("0.5"), ":t": {"c"}},
    ReturnValues="ALL_NEW",
)["Attributes"]
assert updated["due"] == Decimal("1.5") and updated["tags"] == {"a", "b", "c"}, updated

code, message = error_code(lambda: table.put_item(Item={"owner": "ann", "id": "001"}, ConditionExpression=Attr("id").not_exists()))
assert code == "ConditionalCheckFailedException", code
code, message = error_code(lambda: client.describe_table(TableName="missing"))
assert code == "ResourceNotFoundException", code
code, message = error_code(lambda: table.query(KeyConditionExpression="#o = :o AND size > :s",
                                                ExpressionAttributeNames={"#o": "owner"},
                                                ExpressionAttributeValues={":o": "ann", ":s": 1}))
assert code == "ValidationException" and "reserved keyword: size" in message, message

code, message = error_code(lambda: client.transact_write_items(TransactItems=[
    {"Put": {"TableName": "todos", "Item": {"owner": {"S": "bob"}, "id": {"S": "1"}}}},
    {"ConditionCheck": {"TableName": "todos", "Key": {"owner": {"S": "ann"}, "id": {"S": "002"}},
                        "ConditionExpression": "attribute_not_exists(id)"}},
]))
assert code == "TransactionCanceledException", code
assert "bob" not in [i["owner"] for i in table.scan()["Items"]]

got = client.batch_get_item(RequestItems={"todos": {"Keys": [{"owner": {"S": "ann"}, "id": {"S": f"{i:03}"}} for i in range(5)]}})
assert len(got["Responses"]["todos"]) == 5 and got["UnprocessedKeys"] == {}, got

print("boto3: all checks passed")
