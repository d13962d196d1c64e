# gatekit's Python runtime shim: the Lambda Runtime API loop and the Python handler
# contract, as AWS's managed python3.x runtimes provide them.
import http.client
import json
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
HOST, _, PORT = API.partition(":")
# One kept-alive connection to the Runtime API, as the managed runtime keeps.
CONN = http.client.HTTPConnection(HOST, int(PORT or 80))


def call(method, path, body=None, headers=None):
    data = None if body is None else body.encode("utf-8")
    for attempt in (0, 1):
        try:
            CONN.request(method, "/2018-06-01/runtime" + path, body=data, headers=headers or {})
            res = CONN.getresponse()
            return res.headers, res.read()
        except (http.client.HTTPException, ConnectionError):
            CONN.close()
            if attempt:
                raise


def error_body(error_type, message, stack):
    return json.dumps({"errorMessage": message, "errorType": error_type, "requestId": "", "stackTrace": stack})


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn", "")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self._deadline = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        client = headers.get("Lambda-Runtime-Client-Context")
        self.client_context = json.loads(client) if client else None
        self.identity = None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def load_handler():
    spec = os.environ["_HANDLER"]
    root = os.environ.get("LAMBDA_TASK_ROOT", ".")
    sys.path.insert(0, root)
    module_name, _, function_name = spec.rpartition(".")
    module_name = module_name.replace("/", ".")
    try:
        module = __import__(module_name, fromlist=["_"])
    except Exception as e:
        message = "Unable to import module '%s': %s" % (module_name, e)
        missing = getattr(e, "name", "") or ""
        if missing.split(".")[0] in ("boto3", "botocore"):
            message += " (Lambda's runtime includes boto3; locally, run `%s` once)" % os.environ.get("GATEKIT_SDK_HINT", "gatekit local sdk install")
        call("POST", "/init/error", error_body("Runtime.ImportModuleError", message, []),
             {"Lambda-Runtime-Function-Error-Type": "Runtime.ImportModuleError"})
        print("[ERROR] Runtime.ImportModuleError: " + message, file=sys.stderr, flush=True)
        sys.exit(1)
    handler = getattr(module, function_name, None)
    if handler is None:
        message = "Handler '%s' missing on module '%s'" % (function_name, module_name)
        call("POST", "/init/error", error_body("Runtime.HandlerNotFound", message, []),
             {"Lambda-Runtime-Function-Error-Type": "Runtime.HandlerNotFound"})
        print("[ERROR] Runtime.HandlerNotFound: " + message, file=sys.stderr, flush=True)
        sys.exit(1)
    return handler


def mark_end(request_id):
    # Tells gatekit that this invocation's output is complete on both streams
    # (the line is not logged): written after the handler's output, before the answer.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.write("\x01gatekit-end %s\n" % request_id)
            stream.flush()
        except Exception:
            pass


def main():
    handler = load_handler()
    while True:
        headers, body = call("GET", "/invocation/next")
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        try:
            event = json.loads(body) if body else None
            result = json.dumps(handler(event, Context(headers)))
            mark_end(request_id)
            call("POST", "/invocation/%s/response" % request_id, result)
        except Exception as e:
            stack = traceback.format_tb(e.__traceback__)
            print("[ERROR] %s: %s" % (type(e).__name__, e), file=sys.stderr, flush=True)
            mark_end(request_id)
            call("POST", "/invocation/%s/error" % request_id, error_body(type(e).__name__, str(e), stack),
                 {"Lambda-Runtime-Function-Error-Type": "Unhandled"})


if __name__ == "__main__":
    main()
