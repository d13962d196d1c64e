"""Lambda's event source mappings on DynamoDB streams, through boto3: the API's
shapes and errors, and delivery to a real Python function (in order, filtered,
retried, disabled and enabled, LATEST and TRIM_HORIZON).

Run by tests/it/boto3.rs: python dynamodb_triggers_boto3.py ENDPOINT.
"""

import json
import os
import sys
import tempfile
import time

from checks import client, error_of, seen, wait_for, zip_of

endpoint = sys.argv[1]
ddb = client("dynamodb", endpoint)
lam = client("lambda", endpoint)

out_dir = tempfile.mkdtemp()

HANDLER = '''
import json, os
def handler(event, context):
    with open(os.environ["OUT"], "a") as f:
        for r in event["Records"]:
            new = r["dynamodb"].get("NewImage", {})
            f.write(json.dumps({"event": r["eventName"], "id": r["dynamodb"]["Keys"]["id"]["S"],
                                "arn": r["eventSourceARN"], "size": len(event["Records"])}) + "\\n")
    for r in event["Records"]:
        if "fail" in r["dynamodb"].get("NewImage", {}):
            raise ValueError("refused")
    return {"ok": True}
'''




def function(name):
    out = os.path.join(out_dir, name + ".jsonl")
    lam.create_function(FunctionName=name, Runtime="python3.12", Role="arn:aws:iam::000000000000:role/x",
                        Handler="app.handler", Code={"ZipFile": zip_of({"app.py": HANDLER})},
                        Environment={"Variables": {"OUT": out}})
    return out






table = ddb.create_table(TableName="orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST",
                         StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
stream = table["TableDescription"]["LatestStreamArn"]
ddb.put_item(TableName="orders", Item={"id": {"S": "a"}})
sink = function("sink")

# The request's own members first, then the source, then the function and stream.
code, msg = error_of(lam.create_event_source_mapping, FunctionName="sink", EventSourceArn=stream,
                     StartingPosition="TRIM_HORIZON", BatchSize=20000)
assert (code, msg) == ("ValidationException", "1 validation error detected: Value '20000' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000"), msg
code, msg = error_of(lam.create_event_source_mapping, FunctionName="sink", EventSourceArn=stream)
assert code == "InvalidParameterValueException" and "'startingPosition'" in msg, msg
code, msg = error_of(lam.create_event_source_mapping, FunctionName="sink", EventSourceArn=stream,
                     StartingPosition="AT_TIMESTAMP", StartingPositionTimestamp=1)
assert (code, msg) == ("InvalidParameterValueException", f"Unsupported starting position for arn type: {stream}"), msg
missing = stream.replace("/orders/", "/nope/")
code, msg = error_of(lam.create_event_source_mapping, FunctionName="sink", EventSourceArn=missing,
                     StartingPosition="LATEST")
assert (code, msg) == ("InvalidParameterValueException", f"Stream not found: {missing}"), msg
code, msg = error_of(lam.create_event_source_mapping, FunctionName="sink", EventSourceArn=stream,
                     StartingPosition="LATEST", FilterCriteria={"Filters": [{"Pattern": "{\"eventName\": \"INSERT\"}"}]})
assert (code, msg) == ("InvalidParameterValueException", "Invalid filter pattern definition."), msg
code, _ = error_of(lam.create_event_source_mapping, FunctionName="nobody", EventSourceArn=stream,
                   StartingPosition="LATEST")
assert code == "InvalidParameterValueException"
code, msg = error_of(lam.get_event_source_mapping, UUID="0f1e2d3c-0000-4000-8000-000000000000")
assert (code, msg) == ("ResourceNotFoundException", "The resource you requested does not exist."), msg
assert lam.list_event_source_mappings()["EventSourceMappings"] == []

created = lam.create_event_source_mapping(FunctionName="sink", EventSourceArn=stream, StartingPosition="TRIM_HORIZON",
                                          BatchSize=10)
assert created["ResponseMetadata"]["HTTPStatusCode"] == 202
assert created["State"] == "Creating" and created["BatchSize"] == 10, created
assert created["MaximumRetryAttempts"] == -1 and created["MaximumRecordAgeInSeconds"] == -1, created
assert created["FunctionArn"].endswith(":function:sink") and created["EventSourceArn"] == stream, created
assert created["LastProcessingResult"] == "No records processed", created
uuid = created["UUID"]
code, msg = error_of(lam.create_event_source_mapping, FunctionName="sink", EventSourceArn=stream,
                     StartingPosition="LATEST")
assert code == "ResourceConflictException" and uuid in msg, msg

# TRIM_HORIZON: the item written before the mapping too; then every change in order.
ddb.put_item(TableName="orders", Item={"id": {"S": "b"}})
ddb.put_item(TableName="orders", Item={"id": {"S": "c"}})
ddb.put_item(TableName="orders", Item={"id": {"S": "c"}, "n": {"N": "1"}})
ddb.delete_item(TableName="orders", Key={"id": {"S": "b"}})
got = wait_for(sink, 5)
assert [(g["event"], g["id"]) for g in got] == [("INSERT", "a"), ("INSERT", "b"), ("INSERT", "c"), ("MODIFY", "c"), ("REMOVE", "b")], got
assert all(g["arn"] == stream for g in got), got
assert lam.get_event_source_mapping(UUID=uuid)["State"] == "Enabled"
assert lam.get_event_source_mapping(UUID=uuid)["LastProcessingResult"] == "OK"

# A filter: only INSERTs reach the function; the others are passed over.
upd = lam.update_event_source_mapping(UUID=uuid, FilterCriteria={"Filters": [{"Pattern": json.dumps({"eventName": ["INSERT"]})}]})
assert upd["State"] == "Updating" and upd["FilterCriteria"]["Filters"][0]["Pattern"], upd
ddb.put_item(TableName="orders", Item={"id": {"S": "d"}, "n": {"N": "1"}})
ddb.put_item(TableName="orders", Item={"id": {"S": "d"}, "n": {"N": "2"}})
ddb.delete_item(TableName="orders", Key={"id": {"S": "d"}})
ddb.put_item(TableName="orders", Item={"id": {"S": "e"}})
got = wait_for(sink, 7)
assert [(g["event"], g["id"]) for g in got[5:]] == [("INSERT", "d"), ("INSERT", "e")], got

# A failing batch is retried MaximumRetryAttempts times, then passed over.
lam.update_event_source_mapping(UUID=uuid, MaximumRetryAttempts=1, BatchSize=1, FilterCriteria={"Filters": []})
ddb.put_item(TableName="orders", Item={"id": {"S": "f"}, "fail": {"BOOL": True}})
ddb.put_item(TableName="orders", Item={"id": {"S": "g"}})
got = wait_for(sink, 10)
assert [(g["event"], g["id"]) for g in got[7:]] == [("INSERT", "f"), ("INSERT", "f"), ("INSERT", "g")], got

# Disabled: nothing is delivered until it is enabled again, then all of it.
upd = lam.update_event_source_mapping(UUID=uuid, Enabled=False)
assert upd["State"] == "Disabling", upd
assert lam.get_event_source_mapping(UUID=uuid)["State"] == "Disabled"
ddb.put_item(TableName="orders", Item={"id": {"S": "h"}})
time.sleep(0.5)
assert len(seen(sink)) == 10
assert lam.update_event_source_mapping(UUID=uuid, Enabled=True)["State"] == "Enabling"
got = wait_for(sink, 11)
assert got[10]["id"] == "h", got

# LATEST: a second function sees only what is written after its mapping.
late = function("late")
second = lam.create_event_source_mapping(FunctionName="late", EventSourceArn=stream, StartingPosition="LATEST",
                                         MaximumBatchingWindowInSeconds=1, BatchSize=100)
ddb.put_item(TableName="orders", Item={"id": {"S": "i"}})
ddb.put_item(TableName="orders", Item={"id": {"S": "j"}})
got = wait_for(late, 2)
assert [g["id"] for g in got] == ["i", "j"] and got[0]["size"] == 2, got
wait_for(sink, 13)
listed = lam.list_event_source_mappings(EventSourceArn=stream)["EventSourceMappings"]
assert sorted(m["UUID"] for m in listed) == sorted([uuid, second["UUID"]]), listed
assert [m["UUID"] for m in lam.list_event_source_mappings(FunctionName="late")["EventSourceMappings"]] == [second["UUID"]]

deleted = lam.delete_event_source_mapping(UUID=uuid)
assert deleted["State"] == "Deleting", deleted
code, _ = error_of(lam.get_event_source_mapping, UUID=uuid)
assert code == "ResourceNotFoundException"
ddb.put_item(TableName="orders", Item={"id": {"S": "k"}})
wait_for(late, 3)
time.sleep(0.3)
assert len(seen(sink)) == 13, seen(sink)

print("all checks passed")
