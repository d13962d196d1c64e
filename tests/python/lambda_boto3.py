"""The emulator's Lambda through boto3: real Python and Node.js handlers as processes.

Run by tests/it/lambda.rs: python lambda_boto3.py ENDPOINT. Exits non-zero on the
first failed check.
"""

import base64
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from checks import zip_of

endpoint = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="local", aws_secret_access_key="local", region_name="us-east-1")
cfg = Config(retries={"max_attempts": 1}, read_timeout=30)
lam = session.client("lambda", endpoint_url=endpoint, config=cfg)


def create(name, runtime, handler, files, **extra):
    return lam.create_function(FunctionName=name, Runtime=runtime, Role="arn:aws:iam::000000000000:role/x",
                               Handler=handler, Code={"ZipFile": zip_of(files)}, **extra)


def invoke(name, payload, **extra):
    r = lam.invoke(FunctionName=name, Payload=json.dumps(payload).encode(), **extra)
    return r, json.loads(r["Payload"].read() or b"null")


PY = '''
import os, time
def handler(event, context):
    print("hello from python", event.get("n"))
    if event.get("boom"):
        raise ValueError("boom")
    if event.get("sleep"):
        time.sleep(event["sleep"])
    if event.get("exit"):
        os._exit(3)
    return {"n": event.get("n"), "fn": context.function_name, "left": context.get_remaining_time_in_millis() > 0,
            "env": os.environ.get("GREETING"), "region": os.environ["AWS_REGION"], "pid": os.getpid()}
'''
created = create("py-fn", "python3.12", "app.handler", {"app.py": PY}, Timeout=2, Environment={"Variables": {"GREETING": "hi"}})
assert created["State"] == "Active" and created["CodeSha256"], created
lam.get_waiter("function_active_v2").wait(FunctionName="py-fn", WaiterConfig={"Delay": 1, "MaxAttempts": 5})

r, out = invoke("py-fn", {"n": 1}, LogType="Tail")
assert r["StatusCode"] == 200 and "FunctionError" not in r, r
assert out["n"] == 1 and out["fn"] == "py-fn" and out["left"] and out["env"] == "hi" and out["region"] == "us-east-1", out
logs = base64.b64decode(r["LogResult"]).decode()
assert "START RequestId:" in logs and "hello from python 1" in logs and "REPORT RequestId:" in logs and "Init Duration" in logs, logs
# The machine's Python is not 3.12: the cold start's log says so.
assert "gatekit: warning: python3.12 is declared" in logs or "3.12" in sys.version, logs
first_pid = out["pid"]
r, out = invoke("py-fn", {"n": 2})
assert out["pid"] == first_pid, "a warm instance is reused"

r, out = invoke("py-fn", {"boom": True})
assert r["FunctionError"] == "Unhandled" and out["errorType"] == "ValueError" and out["errorMessage"] == "boom", out
r, out = invoke("py-fn", {"sleep": 5})
assert r["FunctionError"] == "Unhandled" and "Task timed out after 2.00 seconds" in out["errorMessage"], out
r, out = invoke("py-fn", {"exit": True})
assert r["FunctionError"] == "Unhandled" and out["errorType"] == "Runtime.ExitError", out
r, out = invoke("py-fn", {"n": 3})
assert out["n"] == 3 and out["pid"] != first_pid, "a fresh instance after a crash"

# Concurrency: parallel invokes start more instances.
with ThreadPoolExecutor(4) as pool:
    pids = {res[1]["pid"] for res in pool.map(lambda i: invoke("py-fn", {"n": i, "sleep": 0.3}), range(4))}
assert len(pids) >= 2, pids

CJS = "exports.handler = async (event, context) => ({ kind: 'cjs', n: event.n, id: context.awsRequestId });"
ESM = "export const handler = async (event) => { console.log('esm', event.n); return { kind: 'esm', n: event.n }; };"
CB = "exports.handler = (event, context, callback) => { callback(null, { kind: 'callback', n: event.n }); };"
create("node-cjs", "nodejs22.x", "index.handler", {"index.js": CJS})
create("node-esm", "nodejs22.x", "index.handler", {"index.mjs": ESM})
create("node-cb", "nodejs22.x", "lib/cb.handler", {"lib/cb.js": CB})
assert invoke("node-cjs", {"n": 1})[1]["kind"] == "cjs"
assert invoke("node-esm", {"n": 2})[1] == {"kind": "esm", "n": 2}
assert invoke("node-cb", {"n": 3})[1] == {"kind": "callback", "n": 3}

create("bad-import", "python3.12", "missing.handler", {"app.py": PY})
r, out = invoke("bad-import", {})
assert r["FunctionError"] == "Unhandled" and out["errorType"] == "Runtime.ImportModuleError", out

SH = "#!/bin/sh\nAPI=\"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime\"\nwhile true; do\n  H=$(mktemp)\n  EVENT=$(curl -sS -D \"$H\" \"$API/invocation/next\")\n  ID=$(grep -i lambda-runtime-aws-request-id \"$H\" | tr -d '\\r' | cut -d' ' -f2)\n  curl -sS -X POST \"$API/invocation/$ID/response\" -d \"{\\\"echo\\\": $EVENT}\" >/dev/null\ndone\n"
create("shell", "provided.al2023", "ignored", {"bootstrap": SH})
assert invoke("shell", {"x": 1})[1] == {"echo": {"x": 1}}

# The control plane.
names = [f["FunctionName"] for f in lam.list_functions()["Functions"]]
assert names == sorted(names) and "py-fn" in names, names
page = lam.list_functions(MaxItems=2)
rest = lam.list_functions(Marker=page["NextMarker"])
assert [f["FunctionName"] for f in page["Functions"] + rest["Functions"]] == names, (page, rest)
updated = lam.update_function_code(FunctionName="node-cjs", ZipFile=zip_of({"index.js": "exports.handler = async () => 'v2';"}))
assert updated["CodeSha256"] != lam.get_function(FunctionName="node-esm")["Configuration"]["CodeSha256"]
assert invoke("node-cjs", {})[1] == "v2"
try:
    lam.invoke(FunctionName="py-fn", Payload=json.dumps({"big": "x" * (7 * 1024 * 1024)}).encode())
    raise AssertionError("expected RequestEntityTooLargeException")
except ClientError as e:
    assert e.response["Error"]["Code"] == "RequestEntityTooLargeException", e.response
lam.update_function_configuration(FunctionName="py-fn", Environment={"Variables": {"GREETING": "hey"}})
assert invoke("py-fn", {"n": 4})[1]["env"] == "hey"
lam.put_function_concurrency(FunctionName="py-fn", ReservedConcurrentExecutions=0)
try:
    invoke("py-fn", {})
    raise AssertionError("expected TooManyRequestsException")
except ClientError as e:
    assert e.response["Error"]["Code"] == "TooManyRequestsException", e.response
lam.delete_function_concurrency(FunctionName="py-fn")
lam.tag_resource(Resource=created["FunctionArn"], Tags={"team": "core"})
assert lam.list_tags(Resource=created["FunctionArn"])["Tags"] == {"team": "core"}
lam.add_permission(FunctionName="py-fn", StatementId="api", Action="lambda:InvokeFunction", Principal="apigateway.amazonaws.com")
assert "api" in lam.get_policy(FunctionName="py-fn")["Policy"]
try:
    lam.get_function(FunctionName="nope")
    raise AssertionError("expected ResourceNotFoundException")
except ClientError as e:
    assert e.response["Error"]["Code"] == "ResourceNotFoundException", e.response
try:
    create("py-fn", "python3.12", "app.handler", {"app.py": PY})
    raise AssertionError("expected ResourceConflictException")
except ClientError as e:
    assert e.response["Error"]["Code"] == "ResourceConflictException", e.response
assert lam.invoke(FunctionName="py-fn", InvocationType="Event", Payload=b"{}")["StatusCode"] == 202
assert lam.invoke(FunctionName="py-fn", InvocationType="DryRun")["StatusCode"] == 204
logs = session.client("logs", endpoint_url=endpoint, config=cfg)
groups = [g["logGroupName"] for g in logs.describe_log_groups(logGroupNamePrefix="/aws/lambda/py")["logGroups"]]
assert groups == ["/aws/lambda/py-fn"], groups
streams = logs.describe_log_streams(logGroupName="/aws/lambda/py-fn")["logStreams"]
assert streams and streams[0]["logStreamName"].endswith("[$LATEST]gatekit"), streams
found = logs.filter_log_events(logGroupName="/aws/lambda/py-fn", filterPattern="hello from python")["events"]
assert len(found) >= 3 and "hello from python 1" in found[0]["message"], found[:2]
events = logs.get_log_events(logGroupName="/aws/lambda/py-fn", logStreamName=streams[0]["logStreamName"], startFromHead=True)["events"]
assert events[0]["message"].startswith("START RequestId:"), events[:1]
lam.delete_function(FunctionName="node-cb")
print("lambda boto3: all checks passed")
