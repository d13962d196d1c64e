"""What the boto3 check scripts share: a client session on the emulator with
explicit credentials, and the AWS error a call is expected to fail with."""

import io
import json
import os
import time
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def session():
    return boto3.session.Session(aws_access_key_id="local", aws_secret_access_key="local", region_name="us-east-1")


def client(name, endpoint):
    return session().client(name, endpoint_url=endpoint,
                            config=Config(retries={"max_attempts": 1}, read_timeout=30))


def error_of(call, **kwargs):
    """The (code, message) of the AWS error `call` fails with; fails if it succeeds."""
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError(f"{call.__name__} should have failed")


def zip_of(files):
    """A zip archive of {name: text}, as a function's code (executable, so that a
    provided runtime's bootstrap runs)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            z.writestr(info, text)
    return buf.getvalue()


def seen(path):
    """The JSON lines a test function appended to `path` so far."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def wait_for(path, n, seconds=30):
    """The lines of `path` once there are at least `n` (fails after `seconds`)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        got = seen(path)
        if len(got) >= n:
            return got
        time.sleep(0.05)
    raise AssertionError(f"{path}: expected {n} lines, got {seen(path)}")
