"""What the boto3 check scripts share: a client session on the emulator with
explicit credentials, and the AWS error a call is expected to fail with."""

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
