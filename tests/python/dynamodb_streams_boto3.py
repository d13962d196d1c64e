"""DynamoDB Streams through boto3: StreamSpecification on CreateTable and UpdateTable,
then ListStreams, DescribeStream, GetShardIterator (the four types) and GetRecords
with the records of puts, updates, deletes, batches and transactions.

Run by tests/it/boto3.rs: python dynamodb_streams_boto3.py ENDPOINT. Exits non-zero
on the first failed check.
"""

import sys

from checks import client, error_of

endpoint = sys.argv[1]
ddb = client("dynamodb", endpoint)
streams = client("dynamodbstreams", endpoint)




def table(name, view):
    spec = {"StreamEnabled": True, "StreamViewType": view} if view else {"StreamEnabled": False}
    return ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST", StreamSpecification=spec,
                            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])["TableDescription"]


def all_records(arn, kind="TRIM_HORIZON", **extra):
    desc = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    shard = desc["Shards"][0]["ShardId"]
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType=kind, **extra)["ShardIterator"]
    out = []
    while it:
        page = streams.get_records(ShardIterator=it, Limit=2)
        out.extend(page["Records"])
        if not page["Records"]:
            break
        it = page.get("NextShardIterator")
    return out


t = table("events", "NEW_AND_OLD_IMAGES")
arn = t["LatestStreamArn"]
assert t["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}, t
assert arn.startswith("arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/"), arn
assert arn.endswith(t["LatestStreamLabel"]), t
listed = streams.list_streams(TableName="events")["Streams"]
assert listed == [{"StreamArn": arn, "TableName": "events", "StreamLabel": t["LatestStreamLabel"]}], listed
desc = streams.describe_stream(StreamArn=arn)["StreamDescription"]
assert desc["StreamStatus"] == "ENABLED" and desc["StreamViewType"] == "NEW_AND_OLD_IMAGES", desc
assert desc["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}], desc
assert desc["Shards"][0]["SequenceNumberRange"]["StartingSequenceNumber"].isdecimal(), desc

ddb.put_item(TableName="events", Item={"pk": {"S": "a"}, "n": {"N": "1"}})
ddb.update_item(TableName="events", Key={"pk": {"S": "a"}}, UpdateExpression="SET n = n + :one",
                ExpressionAttributeValues={":one": {"N": "1"}})
ddb.put_item(TableName="events", Item={"pk": {"S": "a"}, "n": {"N": "2"}})  # the same item: no record
ddb.delete_item(TableName="events", Key={"pk": {"S": "a"}})
ddb.delete_item(TableName="events", Key={"pk": {"S": "missing"}})  # nothing deleted: no record
code, _ = error_of(ddb.put_item, TableName="events", Item={"pk": {"S": "b"}},
                   ConditionExpression="attribute_exists(pk)")
assert code == "ConditionalCheckFailedException"  # refused: no record
records = all_records(arn)
assert [r["eventName"] for r in records] == ["INSERT", "MODIFY", "REMOVE"], records
ins, mod, rem = records
assert ins["eventSource"] == "aws:dynamodb" and ins["eventVersion"] == "1.1" and ins["awsRegion"] == "us-east-1", ins
assert ins["dynamodb"]["Keys"] == {"pk": {"S": "a"}}, ins
assert ins["dynamodb"]["NewImage"] == {"pk": {"S": "a"}, "n": {"N": "1"}} and "OldImage" not in ins["dynamodb"], ins
assert mod["dynamodb"]["OldImage"]["n"] == {"N": "1"} and mod["dynamodb"]["NewImage"]["n"] == {"N": "2"}, mod
assert rem["dynamodb"]["OldImage"]["n"] == {"N": "2"} and "NewImage" not in rem["dynamodb"], rem
assert all(r["dynamodb"]["SizeBytes"] > 0 and r["dynamodb"]["StreamViewType"] == "NEW_AND_OLD_IMAGES" for r in records)
seqs = [int(r["dynamodb"]["SequenceNumber"]) for r in records]
assert seqs == sorted(seqs) and len(set(seqs)) == 3, seqs
assert all(len(r["eventID"]) > 0 for r in records)

# AT and AFTER a sequence number; LATEST sees only what comes next.
at = all_records(arn, "AT_SEQUENCE_NUMBER", SequenceNumber=mod["dynamodb"]["SequenceNumber"])
assert [r["eventName"] for r in at] == ["MODIFY", "REMOVE"], at
after = all_records(arn, "AFTER_SEQUENCE_NUMBER", SequenceNumber=mod["dynamodb"]["SequenceNumber"])
assert [r["eventName"] for r in after] == ["REMOVE"], after
shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
latest = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="LATEST")["ShardIterator"]
# Batches and transactions write records too.
ddb.batch_write_item(RequestItems={"events": [{"PutRequest": {"Item": {"pk": {"S": "b"}}}},
                                              {"PutRequest": {"Item": {"pk": {"S": "c"}}}}]})
ddb.transact_write_items(TransactItems=[{"Put": {"TableName": "events", "Item": {"pk": {"S": "d"}}}}])
page = streams.get_records(ShardIterator=latest)
assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in page["Records"]] == ["b", "c", "d"], page
assert "NextShardIterator" in page

# KEYS_ONLY: no images.
k = table("keys", "KEYS_ONLY")
ddb.put_item(TableName="keys", Item={"pk": {"S": "x"}, "v": {"S": "y"}})
(only,) = all_records(k["LatestStreamArn"])
assert only["dynamodb"]["Keys"] == {"pk": {"S": "x"}} and "NewImage" not in only["dynamodb"], only

# UpdateTable: a table without a stream gets one; enabling twice is refused; disabling closes it.
plain = table("plain", None)
assert "LatestStreamArn" not in plain, plain
up = ddb.update_table(TableName="plain", StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
plain_arn = up["TableDescription"]["LatestStreamArn"]
code, message = error_of(ddb.update_table, TableName="plain",
                         StreamSpecification={"StreamEnabled": True, "StreamViewType": "OLD_IMAGE"})
assert (code, message) == ("ValidationException", "Table already has an enabled stream: TableName: plain"), message
ddb.put_item(TableName="plain", Item={"pk": {"S": "z"}})
ddb.update_table(TableName="plain", StreamSpecification={"StreamEnabled": False})
assert "StreamSpecification" not in ddb.describe_table(TableName="plain")["Table"]
closed = streams.describe_stream(StreamArn=plain_arn)["StreamDescription"]
assert closed["StreamStatus"] == "DISABLED" and "EndingSequenceNumber" in closed["Shards"][0]["SequenceNumberRange"], closed
ddb.put_item(TableName="plain", Item={"pk": {"S": "after"}})  # no stream now: no record
shard = closed["Shards"][0]["ShardId"]
it = streams.get_shard_iterator(StreamArn=plain_arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
page = streams.get_records(ShardIterator=it)
assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in page["Records"]] == ["z"], page
assert "NextShardIterator" not in page, page

# AWS's errors.
code, _ = error_of(streams.get_shard_iterator, StreamArn=arn, ShardId="shardId-00000000000000000000-00000000", ShardIteratorType="LATEST")
assert code == "ResourceNotFoundException", code
code, _ = error_of(streams.get_shard_iterator, StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON",
                   SequenceNumber="000000000000000000001")
assert code == "ValidationException", code
code, _ = error_of(streams.describe_stream, StreamArn="arn:aws:dynamodb:us-east-1:000000000000:table/nope/stream/x")
assert code == "ResourceNotFoundException", code
code, _ = error_of(streams.get_records, ShardIterator="not-an-iterator")
assert code == "ValidationException", code
code, _ = error_of(ddb.create_table, TableName="bad", BillingMode="PAY_PER_REQUEST",
                   StreamSpecification={"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"},
                   KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                   AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
assert code == "ValidationException", code
print("streams boto3: all checks passed")
