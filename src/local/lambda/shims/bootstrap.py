# gatekit's Python runtime shim: the Python handler contract, as AWS's managed
# python3.x runtimes provide it. Invocations come from gatekit on the pipes named
# by GATEKIT_RUNTIME_FDS (read, write), in framed messages (see
# instance/channel.rs). Only what the loop needs is imported, so that a cold start
# costs little beyond the interpreter's own: JSON goes through the C accelerator
# `_json` directly, since the `json` package imports `re`, which took most of the
# shim's start.
import os
import sys
import time

# As Lambda's runtime marshals: python3.12 and later (the runtime the function
# declares) keep non-ASCII characters, Decimals (what boto3 reads from DynamoDB)
# are numbers, bytes go out as they are.
_DECLARED = os.environ.get("AWS_EXECUTION_ENV", "").rpartition("python3.")[2]
ENSURE_ASCII = not (_DECLARED.isdigit() and int(_DECLARED) >= 12)


def decimal_or_fail(o):
    kind = type(o)
    if kind.__name__ == "Decimal" and kind.__module__ == "decimal":
        if o.is_nan():
            return float("nan")
        return int(o) if o.is_finite() and o == o.to_integral_value() else float(o)
    raise TypeError("Object of type %s is not JSON serializable" % kind.__name__)


try:
    import _json

    class Decoding:
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__

    SCAN = _json.make_scanner(Decoding())
    QUOTE = _json.encode_basestring_ascii if ENSURE_ASCII else _json.encode_basestring

    def loads(data):
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        text = text.strip(" \t\n\r")
        try:
            value, _ = SCAN(text, 0)
        except StopIteration:
            raise ValueError("Expecting value") from None
        return value

    def dumps(value):
        encode = _json.make_encoder({}, decimal_or_fail, QUOTE, None, ": ", ", ", False, False, True)
        return "".join(encode(value, 0))

    dumps(0)
except Exception:
    import json

    def loads(data):
        return json.loads(data)

    def dumps(value):
        return json.dumps(value, default=decimal_or_fail, ensure_ascii=ENSURE_ASCII)

IN_FD, OUT_FD = (int(fd) for fd in os.environ["GATEKIT_RUNTIME_FDS"].split(","))
IN = os.fdopen(IN_FD, "rb", buffering=1 << 16)
ENV = os.environ
FUNCTION_NAME = ENV.get("AWS_LAMBDA_FUNCTION_NAME", "")
FUNCTION_VERSION = ENV.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
MEMORY = ENV.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
LOG_GROUP = ENV.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
LOG_STREAM = ENV.get("AWS_LAMBDA_LOG_STREAM_NAME", "")


def send(header, body=b""):
    view = memoryview(header.encode("utf-8") + body)
    while view:
        view = view[os.write(OUT_FD, view):]


def receive():
    header = IN.readline()
    if not header:
        sys.exit(0)
    request_id, deadline, arn, trace, size, context_size = header[:-1].decode("utf-8").split("\t")
    payload = IN.read(int(size))
    client_context = IN.read(int(context_size)) if context_size != "0" else None
    return request_id, int(deadline), arn, trace, payload, client_context


def error_body(error_type, message, request_id, stack):
    return dumps({"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack})


class Context:
    function_name = FUNCTION_NAME
    function_version = FUNCTION_VERSION
    memory_limit_in_mb = MEMORY
    log_group_name = LOG_GROUP
    log_stream_name = LOG_STREAM
    identity = None

    def __init__(self, request_id, deadline, arn, client_context):
        self.aws_request_id = request_id
        self.invoked_function_arn = arn
        self._deadline = deadline
        self.client_context = loads(client_context) if client_context else None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def init_error(error_type, message):
    send("X\t%d\n" % len(body := error_body(error_type, message, "", []).encode("utf-8")), body)
    print("[ERROR] %s: %s" % (error_type, message), file=sys.stderr, flush=True)
    sys.exit(1)


def load_handler():
    spec = ENV["_HANDLER"]
    sys.path.insert(0, ENV.get("LAMBDA_TASK_ROOT", "."))
    module_name, _, function_name = spec.rpartition(".")
    module_name = module_name.replace("/", ".")
    try:
        module = __import__(module_name, fromlist=["_"])
    except Exception as e:
        message = "Unable to import module '%s': %s" % (module_name, e)
        missing = getattr(e, "name", "") or ""
        if missing.split(".")[0] in ("boto3", "botocore"):
            message += " (Lambda's runtime includes boto3; locally, run `%s` once)" % ENV.get("GATEKIT_SDK_HINT", "gatekit local sdk install")
        init_error("Runtime.ImportModuleError", message)
    handler = getattr(module, function_name, None)
    if handler is None:
        init_error("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return handler


def mark_end(request_id):
    # Tells gatekit that this invocation's output is complete (the line is not
    # logged): stdout and stderr share one pipe, so after both are flushed the
    # mark comes after everything the handler wrote.
    try:
        sys.stderr.flush()
        sys.stdout.write("\x01gatekit-end %s\n" % request_id)
        sys.stdout.flush()
    except Exception:
        pass


def fail(request_id, error_type, message, stack):
    print("[ERROR] %s: %s" % (error_type, message), file=sys.stderr, flush=True)
    body = error_body(error_type, message, request_id, stack).encode("utf-8")
    mark_end(request_id)
    send("E\t%s\t%d\n" % (request_id, len(body)), body)


def main():
    handler = load_handler()
    send("N\n")
    while True:
        request_id, deadline, arn, trace, payload, client_context = receive()
        ENV["_X_AMZN_TRACE_ID"] = trace
        try:
            event = loads(payload) if payload else None
            result = handler(event, Context(request_id, deadline, arn, client_context))
        except Exception as e:
            import traceback

            fail(request_id, type(e).__name__, str(e), traceback.format_tb(e.__traceback__))
            continue
        try:
            body = result if isinstance(result, bytes) else dumps(result).encode("utf-8")
        except Exception as e:
            fail(request_id, "Runtime.MarshalError", "Unable to marshal response: %s" % e, [])
            continue
        mark_end(request_id)
        send("R\t%s\t%d\n" % (request_id, len(body)), body)


if __name__ == "__main__":
    main()
