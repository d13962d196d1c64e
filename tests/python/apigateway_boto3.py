"""The emulator's API Gateway through boto3: the control plane as a Python app or
tool drives it, then the deployed route called over HTTP.

Run by tests/it/boto3.rs: python apigateway_boto3.py ENDPOINT. Exits non-zero on
the first failed check.
"""

import http.client
import io
import json
import sys
import zipfile

from checks import client, error_of

endpoint = sys.argv[1]
apigw = client("apigateway", endpoint)
lam = client("lambda", endpoint)

HANDLER = '''
import json
def handler(event, context):
    return {"statusCode": 200, "headers": {"X-Handled-By": "python"}, "body": json.dumps(event)}
'''


def zip_of(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()




lam.create_function(FunctionName="echo", Runtime="python3.12", Role="arn:aws:iam::000000000000:role/x",
                    Handler="app.handler", Code={"ZipFile": zip_of({"app.py": HANDLER})})

api = apigw.create_rest_api(name="shop", binaryMediaTypes=["image/png"], tags={"team": "a"})
api_id = api["id"]
assert api["binaryMediaTypes"] == ["image/png"], api
assert apigw.get_rest_api(restApiId=api_id)["name"] == "shop"
assert any(a["id"] == api_id for a in apigw.get_rest_apis()["items"])
code, message = error_of(apigw.get_rest_api, restApiId="nope")
assert (code, message) == ("NotFoundException", "Invalid API identifier specified 000000000000:nope"), (code, message)

root = [r for r in apigw.get_resources(restApiId=api_id)["items"] if r["path"] == "/"][0]
items = apigw.create_resource(restApiId=api_id, parentId=root["id"], pathPart="items")
assert items["path"] == "/items", items
code, _ = error_of(apigw.create_resource, restApiId=api_id, parentId=root["id"], pathPart="items")
assert code == "ConflictException", code
item = apigw.create_resource(restApiId=api_id, parentId=items["id"], pathPart="{id}")
code, _ = error_of(apigw.create_resource, restApiId=api_id, parentId=items["id"], pathPart="{other}")
assert code == "BadRequestException", code

apigw.put_method(restApiId=api_id, resourceId=item["id"], httpMethod="GET", authorizationType="NONE")
assert apigw.get_method(restApiId=api_id, resourceId=item["id"], httpMethod="GET")["httpMethod"] == "GET"
fn_arn = "arn:aws:lambda:us-east-1:000000000000:function:echo"
code, _ = error_of(apigw.put_integration, restApiId=api_id, resourceId=item["id"], httpMethod="GET",
                   type="AWS_PROXY", integrationHttpMethod="POST", uri=fn_arn)
assert code == "BadRequestException", code
uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{fn_arn}/invocations"
apigw.put_integration(restApiId=api_id, resourceId=item["id"], httpMethod="GET", type="AWS_PROXY",
                      integrationHttpMethod="POST", uri=uri)
assert apigw.get_integration(restApiId=api_id, resourceId=item["id"], httpMethod="GET")["uri"] == uri
embedded = apigw.get_resources(restApiId=api_id, embed=["methods"])["items"]
assert any("GET" in (r.get("resourceMethods") or {}) for r in embedded), embedded

apigw.put_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX",
                           responseParameters={"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"})
kinds = [g["responseType"] for g in apigw.get_gateway_responses(restApiId=api_id)["items"]]
assert "DEFAULT_4XX" in kinds, kinds
own = apigw.get_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX")
assert own["defaultResponse"] is False and own["responseParameters"], own
apigw.delete_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX")
# Every type is listed; a reset one is API Gateway's default again.
listed = {g["responseType"]: g for g in apigw.get_gateway_responses(restApiId=api_id)["items"]}
assert listed["DEFAULT_4XX"]["defaultResponse"] is True, listed["DEFAULT_4XX"]
assert listed["MISSING_AUTHENTICATION_TOKEN"]["statusCode"] == "403", listed

deployment = apigw.create_deployment(restApiId=api_id, stageName="v1", variables={"level": "info"})
assert apigw.get_deployment(restApiId=api_id, deploymentId=deployment["id"], embed=["apisummary"])["apiSummary"]
stage = apigw.update_stage(restApiId=api_id, stageName="v1",
                           patchOperations=[{"op": "replace", "path": "/variables/level", "value": "debug"}])
assert stage["variables"] == {"level": "debug"}, stage
assert [s["stageName"] for s in apigw.get_stages(restApiId=api_id)["item"]] == ["v1"]

export = apigw.get_export(restApiId=api_id, stageName="v1", exportType="oas30", accepts="application/json",
                          parameters={"extensions": "integrations"})
doc = json.loads(export["body"].read())
assert doc["openapi"] == "3.0.1" and "/items/{id}" in doc["paths"], doc
assert doc["paths"]["/items/{id}"]["get"]["x-amazon-apigateway-integration"]["uri"] == uri, doc
yaml_export = apigw.get_export(restApiId=api_id, stageName="v1", exportType="swagger", accepts="application/yaml")
assert yaml_export["body"].read().decode().startswith('"swagger": "2.0"')

arn = f"arn:aws:apigateway:us-east-1::/restapis/{api_id}"
apigw.tag_resource(resourceArn=arn, tags={"env": "dev"})
assert apigw.get_tags(resourceArn=arn)["tags"] == {"team": "a", "env": "dev"}
apigw.untag_resource(resourceArn=arn, tagKeys=["team"])
assert apigw.get_tags(resourceArn=arn)["tags"] == {"env": "dev"}

# The route: 500 until API Gateway may invoke the function, then the function's event.
host = endpoint.split("//", 1)[1]


def get(path, headers):
    conn = http.client.HTTPConnection(host, timeout=30)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    for k, v in headers:
        conn.putheader(k, v)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    names = [k for k, _ in r.getheaders()]
    conn.close()
    return r.status, names, body


status, _, body = get(f"/restapis/{api_id}/v1/_user_request_/items/7", [])
assert status == 500 and json.loads(body) == {"message": "Internal server error"}, (status, body)
lam.add_permission(FunctionName="echo", StatementId="apigw", Action="lambda:InvokeFunction",
                   Principal="apigateway.amazonaws.com", SourceArn=f"arn:aws:execute-api:us-east-1:000000000000:{api_id}/*")
status, names, body = get(f"/_aws/execute-api/{api_id}/v1/items/7?q=a%20b", [("X-Custom-Header", "yes")])
assert status == 200, (status, body)
event = json.loads(body)
assert event["pathParameters"] == {"id": "7"}, event
assert event["queryStringParameters"] == {"q": "a b"}, event
assert event["headers"]["X-Custom-Header"] == "yes", event["headers"]
assert event["stageVariables"] == {"level": "debug"}, event
assert "X-Handled-By" in names, names
status, _, body = get(f"/_aws/execute-api/{api_id}/v1/nothing", [])
assert status == 403 and json.loads(body) == {"message": "Missing Authentication Token"}, (status, body)

# Access logging: a line per request in the stage's format, in the log group its
# destinationArn names; the settings read back, and go with a remove.
logs = client("logs", endpoint)
logs.create_log_group(logGroupName="access/web")
assert error_of(logs.create_log_group, logGroupName="access/web")[0] == "ResourceAlreadyExistsException"
assert error_of(logs.create_log_group, logGroupName="bad name!")[0] == "InvalidParameterException"
arn = "arn:aws:logs:us-east-1:000000000000:log-group:access/web:*"
fmt = '{"id":"$context.requestId","m":"$context.httpMethod","r":"$context.resourcePath","s":"$context.status","p":"$context.path","x":"$context.nothing"}'
stage = apigw.update_stage(restApiId=api_id, stageName="v1", patchOperations=[
    {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": arn},
    {"op": "replace", "path": "/accessLogSettings/format", "value": fmt},
])
assert stage["accessLogSettings"] == {"destinationArn": arn, "format": fmt}, stage
status, headers, _ = get(f"/_aws/execute-api/{api_id}/v1/items/7?q=x", [])
status_missing, _, _ = get(f"/_aws/execute-api/{api_id}/v1/nothing", [])
lines = [json.loads(e["message"]) for e in logs.filter_log_events(logGroupName="access/web")["events"]]
assert [(l["m"], l["r"], l["s"], l["p"], l["x"]) for l in lines] == [
    ("GET", "/items/{id}", str(status), "/v1/items/7", "-"),
    ("GET", "-", str(status_missing), "/v1/nothing", "-"),
], lines
assert "access/web" in [g["logGroupName"] for g in logs.describe_log_groups()["logGroups"]]
stage = apigw.update_stage(restApiId=api_id, stageName="v1", patchOperations=[{"op": "remove", "path": "/accessLogSettings"}])
assert "accessLogSettings" not in stage, stage
get(f"/_aws/execute-api/{api_id}/v1/items/7", [])
assert len(logs.filter_log_events(logGroupName="access/web")["events"]) == 2
logs.delete_log_group(logGroupName="access/web")
assert error_of(logs.filter_log_events, logGroupName="access/web")[0] == "ResourceNotFoundException"

apigw.delete_stage(restApiId=api_id, stageName="v1")
apigw.delete_rest_api(restApiId=api_id)
code, _ = error_of(apigw.get_rest_api, restApiId=api_id)
assert code == "NotFoundException"
print("all checks passed")
