"""Asynchronous invocation as Lambda runs it, through boto3: the event invoke
config API, retries of a failed event under its request id, and the invocation
records its destinations receive.

Run by tests/it/boto3.rs: python lambda_async_boto3.py ENDPOINT.
"""

import json
import os
import sys
import tempfile
import time

from checks import client, error_of, seen, wait_for, zip_of

endpoint = sys.argv[1]
lam = client("lambda", endpoint)
out_dir = tempfile.mkdtemp()

HANDLER = '''
import json, os
def handler(event, context):
    with open(os.environ["OUT"], "a") as f:
        f.write(json.dumps({"id": context.aws_request_id, "event": event}) + "\\n")
    if isinstance(event, dict) and event.get("fail"):
        raise ValueError("refused")
    return {"done": event.get("n") if isinstance(event, dict) else None}
'''




def create(name):
    out = os.path.join(out_dir, name + ".jsonl")
    made = lam.create_function(FunctionName=name, Runtime="python3.12", Role="arn:aws:iam::000000000000:role/x",
                               Handler="app.handler", Code={"ZipFile": zip_of({"app.py": HANDLER})},
                               Environment={"Variables": {"OUT": out}})
    return out, made["FunctionArn"]






flaky, flaky_arn = create("flaky")
dlq, dlq_arn = create("dlq")
sink, sink_arn = create("sink")

# The config API, with Lambda's checks.
code, msg = error_of(lam.get_function_event_invoke_config, FunctionName="flaky")
assert code == "ResourceNotFoundException" and "doesn't have an EventInvokeConfig" in msg, msg
code, msg = error_of(lam.put_function_event_invoke_config, FunctionName="flaky", MaximumRetryAttempts=3)
assert code == "ValidationException" and "'maximumRetryAttempts'" in msg, msg
put = lam.put_function_event_invoke_config(
    FunctionName="flaky", MaximumRetryAttempts=1, MaximumEventAgeInSeconds=600,
    DestinationConfig={"OnSuccess": {"Destination": sink_arn}, "OnFailure": {"Destination": dlq_arn}})
assert put["MaximumRetryAttempts"] == 1 and put["FunctionArn"].endswith(":flaky:$LATEST"), put
assert put["DestinationConfig"]["OnFailure"]["Destination"] == dlq_arn, put
got = lam.get_function_event_invoke_config(FunctionName="flaky")
assert got["MaximumEventAgeInSeconds"] == 600, got

# A failing event: tried once and retried once, under one request id; then its
# failure record goes to the OnFailure destination.
r = lam.invoke(FunctionName="flaky", InvocationType="Event", Payload=json.dumps({"fail": True, "n": 1}).encode())
assert r["StatusCode"] == 202
request_id = r["ResponseMetadata"]["HTTPHeaders"]["x-amzn-requestid"]
attempts = wait_for(flaky, 2)
assert [a["id"] for a in attempts] == [request_id, request_id], attempts
record = wait_for(dlq, 1)[0]["event"]
assert record["requestContext"]["condition"] == "RetriesExhausted", record
assert record["requestContext"]["requestId"] == request_id and record["requestContext"]["approximateInvokeCount"] == 2, record
assert record["requestContext"]["functionArn"] == flaky_arn + ":$LATEST", record
assert record["requestPayload"] == {"fail": True, "n": 1}, record
assert record["responseContext"]["functionError"] == "Unhandled", record
assert record["responsePayload"]["errorType"] == "ValueError", record
time.sleep(1.5)
assert len(seen(flaky)) == 2, "no third attempt with MaximumRetryAttempts 1"

# A successful event: its record goes to the OnSuccess destination.
lam.invoke(FunctionName="flaky", InvocationType="Event", Payload=json.dumps({"n": 2}).encode())
record = wait_for(sink, 1)[0]["event"]
assert record["requestContext"]["condition"] == "Success", record
assert record["responsePayload"] == {"done": 2} and "functionError" not in record["responseContext"], record

# Update merges; list shows it; delete removes it.
upd = lam.update_function_event_invoke_config(FunctionName="flaky", MaximumRetryAttempts=0)
assert upd["MaximumRetryAttempts"] == 0 and upd["MaximumEventAgeInSeconds"] == 600, upd
listed = lam.list_function_event_invoke_configs(FunctionName="flaky")["FunctionEventInvokeConfigs"]
assert len(listed) == 1 and listed[0]["MaximumRetryAttempts"] == 0, listed
lam.delete_function_event_invoke_config(FunctionName="flaky")
code, _ = error_of(lam.get_function_event_invoke_config, FunctionName="flaky")
assert code == "ResourceNotFoundException"

# Without a config, a failing event is retried twice (Lambda's default).
lam.invoke(FunctionName="dlq", InvocationType="Event", Payload=json.dumps({"fail": True}).encode())
wait_for(dlq, 4)
time.sleep(1)
assert len(seen(dlq)) == 4, seen(dlq)

print("all checks passed")
