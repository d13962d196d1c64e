"""Read todos from the table named by the TABLE environment variable.

The owner comes from the `owner` query-string parameter (a real app would take it
from an authorizer). boto3 honours AWS_ENDPOINT_URL, so the same code talks to AWS
and to gatekit's local emulator.
"""

import json
import os

import boto3
from boto3.dynamodb.conditions import Key

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def _reply(status, body):
    return {
        "statusCode": status,
        # A proxy integration answers for itself: CORS headers come from here.
        "headers": {
            "content-type": "application/json",
            "access-control-allow-origin": "*",
        },
        "body": json.dumps(body, default=_number),
    }


def _number(value):
    # DynamoDB numbers arrive as Decimal and string sets as set; JSON wants int or
    # float, and a list.
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return int(value) if value == int(value) else float(value)


def _owner(event):
    params = event.get("queryStringParameters") or {}
    return params.get("owner")


def list_todos(event, context):
    owner = _owner(event)
    if not owner:
        return _reply(400, {"message": "pass ?owner=NAME"})
    result = TABLE.query(KeyConditionExpression=Key("owner").eq(owner))
    return _reply(200, {"items": result["Items"]})


def get_todo(event, context):
    owner = _owner(event)
    todo_id = (event.get("pathParameters") or {}).get("id")
    if not owner or not todo_id:
        return _reply(400, {"message": "pass /todos/ID?owner=NAME"})
    result = TABLE.get_item(Key={"owner": owner, "id": todo_id})
    item = result.get("Item")
    if item is None:
        return _reply(404, {"message": f"no todo {todo_id} for {owner}"})
    return _reply(200, item)
