"""The handler contract through gatekit's runtimes, through boto3: what a Python or
Node.js handler is given and what becomes of what it writes and returns, on a cold
and then a warm instance, and a provided runtime's over-large answer.

Run by tests/it/boto3.rs: python lambda_runtime_boto3.py ENDPOINT.
"""

import base64
import json
import sys

from checks import client, zip_of

endpoint = sys.argv[1]
lam = client("lambda", endpoint)
MAX = 6 * 1024 * 1024 + 100
TOO_LARGE = {"errorType": "Function.ResponseSizeTooLarge",
             "errorMessage": "Response payload size exceeded maximum allowed payload size (%d bytes)." % MAX}


def create(name, runtime, handler, files):
    lam.create_function(FunctionName=name, Runtime=runtime, Role="arn:aws:iam::000000000000:role/x",
                        Handler=handler, Code={"ZipFile": zip_of(files)}, Timeout=10)


def invoke(name, payload, **extra):
    r = lam.invoke(FunctionName=name, Payload=json.dumps(payload).encode(), LogType="Tail", **extra)
    log = base64.b64decode(r["LogResult"]).decode()
    return r.get("FunctionError"), json.loads(r["Payload"].read() or b"null"), log


CLIENT_CONTEXT = base64.b64encode(json.dumps({"custom": {"who": "ann"}, "env": {}, "client": {}}).encode()).decode()

PY = r'''
import os, sys
def handler(event, context):
    what = event.get("do")
    if what == "interleave":
        print("one")
        print("two", file=sys.stderr)
        print("three")
        sys.stderr.write("four\n")
        return "ok"
    if what == "long-line":
        print("y" * 300000)
        return "ok"
    if what == "bad-bytes":
        sys.stdout.buffer.write(b"\xff\xfe not utf-8\n")
        sys.stdout.flush()
        return "ok"
    if what == "big":
        return "x" * (7 * 1024 * 1024)
    if what == "set":
        return {1, 2}
    if what == "decimal":
        from decimal import Decimal
        return {"n": Decimal("12"), "f": Decimal("1.5"), "text": "héllo"}
    if what == "bytes":
        return b"raw bytes"
    return {
        "id": context.aws_request_id,
        "arn": context.invoked_function_arn,
        "left": context.get_remaining_time_in_millis(),
        "client": context.client_context,
        "trace": os.environ.get("_X_AMZN_TRACE_ID", ""),
        "api": os.environ.get("AWS_LAMBDA_RUNTIME_API", ""),
    }
'''

NODE = r'''
exports.handler = async (event, context) => {
  if (event.do === "interleave") {
    console.log("one");
    console.error("two");
    process.stdout.write("three\n");
    process.stderr.write("four\n");
    return "ok";
  }
  if (event.do === "big") return "x".repeat(7 * 1024 * 1024);
  return {
    id: context.awsRequestId,
    arn: context.invokedFunctionArn,
    left: context.getRemainingTimeInMillis(),
    client: context.clientContext,
    trace: process.env._X_AMZN_TRACE_ID || "",
    api: process.env.AWS_LAMBDA_RUNTIME_API || "",
  };
};
'''

create("py", "python3.12", "app.handler", {"app.py": PY})
create("node", "nodejs22.x", "index.handler", {"index.js": NODE})

for name in ("py", "node"):
    for round in ("cold", "warm"):
        r = lam.invoke(FunctionName=name, Payload=b"{}", ClientContext=CLIENT_CONTEXT)
        out = json.loads(r["Payload"].read())
        assert r.get("FunctionError") is None, (name, round, out)
        # The request id the caller got, the function's ARN, the deadline, the
        # client context as the caller sent it, a trace id, a Runtime API address.
        assert out["id"] == r["ResponseMetadata"]["HTTPHeaders"]["x-amzn-requestid"], (name, out, r)
        assert out["arn"].endswith(":function:" + name), out
        assert 0 < out["left"] <= 10000, out
        assert out["client"]["custom"] == {"who": "ann"}, out
        assert out["trace"].startswith("Root=1-"), out
        assert out["api"].startswith("127.0.0.1:"), out

    # stdout and stderr are one log stream, in the order they were written.
    error, out, log = invoke(name, {"do": "interleave"})
    assert error is None and out == "ok", (name, out)
    assert [l for l in log.splitlines() if l in ("one", "two", "three", "four")] == ["one", "two", "three", "four"], log

    # An answer over Lambda's cap is Lambda's error; the instance serves on.
    error, out, _ = invoke(name, {"do": "big"})
    assert error == "Unhandled" and out == TOO_LARGE, (name, error, str(out)[:200])
    error, out, _ = invoke(name, {})
    assert error is None and out["arn"].endswith(name), (name, out)

# A line longer than a log event is cut into pieces; bytes that are not UTF-8 are
# replaced, and the log goes on.
error, out, _ = invoke("py", {"do": "long-line"})
assert error is None and out == "ok", out
logs = client("logs", endpoint)
events = logs.filter_log_events(logGroupName="/aws/lambda/py")["events"]
pieces = [len(e["message"].rstrip("\n")) for e in events if e["message"].startswith("yyy")]
assert pieces == [256 * 1024, 300000 - 256 * 1024], pieces
error, out, log = invoke("py", {"do": "bad-bytes"})
assert error is None and "not utf-8" in log, log
error, out, log = invoke("py", {"do": "interleave"})
assert "three" in log, log

# A result that is not JSON is Lambda's marshal error.
error, out, _ = invoke("py", {"do": "set"})
assert error == "Unhandled" and out["errorType"] == "Runtime.MarshalError", out
assert out["errorMessage"].startswith("Unable to marshal response:"), out

# Decimals (boto3's numbers) are JSON numbers; python3.12 keeps non-ASCII
# characters; bytes are the answer as they are, as Lambda's runtime marshals them.
r = lam.invoke(FunctionName="py", Payload=b'{"do": "decimal"}')
raw = r["Payload"].read()
assert raw == '{"n": 12, "f": 1.5, "text": "héllo"}'.encode(), raw
r = lam.invoke(FunctionName="py", Payload=b'{"do": "bytes"}')
assert r["Payload"].read() == b"raw bytes" and "FunctionError" not in r, r

# New code while an invocation runs: that invocation ends on the old code (it is
# not cut off), and every later one runs the new code.
import threading
import time

SWAP = "import time\ndef handler(event, context):\n    time.sleep(event.get('sleep', 0))\n    return '%s'\n"
create("swap", "python3.12", "app.handler", {"app.py": SWAP % "v1"})
assert invoke("swap", {})[1] == "v1"
running = {}
t = threading.Thread(target=lambda: running.update(out=invoke("swap", {"sleep": 1.5})))
t.start()
time.sleep(0.5)
lam.update_function_code(FunctionName="swap", ZipFile=zip_of({"app.py": SWAP % "v2"}))
assert invoke("swap", {})[1] == "v2"
t.join()
assert running["out"][0] is None and running["out"][1] == "v1", running
assert invoke("swap", {})[1] == "v2"

# A provided runtime over the Runtime API: an answer over the cap is the same error,
# at once (not at the timeout), and the runtime goes on to the next invocation.
SH = r'''#!/bin/sh
API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
BIG=$(mktemp)
head -c 7000000 /dev/zero | tr '\0' 'x' > "$BIG"
while true; do
  H=$(mktemp)
  EVENT=$(curl -sS -D "$H" "$API/invocation/next")
  ID=$(grep -i lambda-runtime-aws-request-id "$H" | tr -d '\r' | cut -d' ' -f2)
  case "$EVENT" in
    *big*) curl -sS -X POST "$API/invocation/$ID/response" --data-binary @"$BIG" >/dev/null ;;
    *) curl -sS -X POST "$API/invocation/$ID/response" -d '"small"' >/dev/null ;;
  esac
done
'''
create("shell", "provided.al2023", "ignored", {"bootstrap": SH})
error, out, _ = invoke("shell", {"do": "big"})
assert error == "Unhandled" and out == TOO_LARGE, (error, str(out)[:200])
error, out, _ = invoke("shell", {})
assert error is None and out == "small", (error, out)
print("all checks passed")
