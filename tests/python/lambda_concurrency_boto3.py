"""Lambda's concurrency as AWS counts it, through boto3: reserved concurrency caps
executions in flight whatever is warm, 0 throttles everything, and functions
without reserved concurrency share what the account leaves unreserved.

Run by tests/it/boto3.rs on an emulator whose account limit is 4:
python lambda_concurrency_boto3.py ENDPOINT.
"""

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from botocore.exceptions import ClientError

from checks import client, error_of, zip_of

endpoint = sys.argv[1]
lam = client("lambda", endpoint)

HANDLER = '''
import time
def handler(event, context):
    time.sleep(event.get("sleep", 0))
    return "ok"
'''




def create(name):
    lam.create_function(FunctionName=name, Runtime="python3.12", Role="arn:aws:iam::000000000000:role/x",
                        Handler="app.handler", Code={"ZipFile": zip_of({"app.py": HANDLER})}, Timeout=10)


def invoke(name, sleep):
    try:
        r = lam.invoke(FunctionName=name, Payload=json.dumps({"sleep": sleep}).encode())
        return "ok" if "FunctionError" not in r else "error"
    except ClientError as e:
        err = e.response["Error"]
        return (err["Code"], e.response.get("Reason"), err["Message"])


def at_once(name, n, sleep):
    # Every call leaves at the same moment; each runs `sleep` seconds, far longer
    # than the calls take to arrive even on a loaded machine.
    gate = threading.Barrier(n)

    def one(_):
        gate.wait()
        return invoke(name, sleep)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


settings = lam.get_account_settings()["AccountLimit"]
assert settings["ConcurrentExecutions"] == 4 and settings["UnreservedConcurrentExecutions"] == 4, settings

# Four warm instances, then reserved concurrency 1: one execution at a time.
create("capped")
assert at_once("capped", 4, 0.5) == ["ok"] * 4
lam.put_function_concurrency(FunctionName="capped", ReservedConcurrentExecutions=1)
got = at_once("capped", 3, 3.0)
throttled = ("TooManyRequestsException", "ReservedFunctionConcurrentInvocationLimitExceeded", "Rate Exceeded.")
assert sorted(got, key=str) == sorted(["ok", throttled, throttled], key=str), got
assert lam.get_account_settings()["AccountLimit"]["UnreservedConcurrentExecutions"] == 3
# 0 throttles everything, warm or not.
lam.put_function_concurrency(FunctionName="capped", ReservedConcurrentExecutions=0)
assert invoke("capped", 0) == throttled, invoke("capped", 0)
lam.delete_function_concurrency(FunctionName="capped")
assert invoke("capped", 0) == "ok"

# More than the account leaves unreserved is refused.
code, msg = error_of(lam.put_function_concurrency, FunctionName="capped", ReservedConcurrentExecutions=5)
assert code == "InvalidParameterValueException" and "UnreservedConcurrentExecution" in msg, msg

# Unreserved functions share the account's 4: a fifth execution at once is throttled.
create("shared")
got = at_once("shared", 5, 3.0)
pool = ("TooManyRequestsException", "ConcurrentInvocationLimitExceeded", "Rate Exceeded.")
assert got.count("ok") == 4 and got.count(pool) == 1, got
# A reservation takes its share out of the pool for the others.
lam.put_function_concurrency(FunctionName="capped", ReservedConcurrentExecutions=2)
got = at_once("shared", 3, 3.0)
assert got.count("ok") == 2 and got.count(pool) == 1, got

print("all checks passed")
