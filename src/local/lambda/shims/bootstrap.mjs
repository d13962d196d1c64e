// gatekit's Node.js runtime shim: the Lambda Runtime API loop and the Node handler
// contract (async and callback handlers, CommonJS and ES modules), as AWS's
// managed nodejs runtimes provide them.
import net from "node:net";
import fs from "node:fs";
import path from "node:path";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

// Invocations come from gatekit on the pipes named by GATEKIT_RUNTIME_FDS (read,
// write), in framed messages (see instance/channel.rs): a header line of
// tab-separated fields, then the bytes it announces.
const [inFd, outFd] = process.env.GATEKIT_RUNTIME_FDS.split(",").map(Number);
const channel = new net.Socket({ fd: inFd, readable: true, writable: false });
const answers = new net.Socket({ fd: outFd, readable: false, writable: true });
let buffered = Buffer.alloc(0);
let waiting = null;
channel.on("data", (chunk) => {
  buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
  if (waiting) waiting();
});
channel.on("end", () => process.exit(0));

function take() {
  const eol = buffered.indexOf(10);
  if (eol < 0) return null;
  const [id, deadline, arn, trace, size, contextSize] = buffered.toString("utf8", 0, eol).split("\t");
  const start = eol + 1;
  const end = start + Number(size) + Number(contextSize);
  if (buffered.length < end) return null;
  const payload = buffered.toString("utf8", start, start + Number(size));
  const clientContext = contextSize === "0" ? undefined : buffered.toString("utf8", start + Number(size), end);
  buffered = buffered.subarray(end);
  return { id, deadline: Number(deadline), arn, trace, payload, clientContext };
}

function receive() {
  const ready = take();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve) => {
    waiting = () => {
      const frame = take();
      if (frame) {
        waiting = null;
        resolve(frame);
      }
    };
  });
}

function send(header, body = "") {
  return new Promise((resolve) => answers.write(Buffer.concat([Buffer.from(header), Buffer.from(body)]), resolve));
}

function errorBody(err, type) {
  const e = err instanceof Error ? err : new Error(String(err));
  return JSON.stringify({
    errorType: type || e.name || "Error",
    errorMessage: e.message,
    trace: (e.stack || "").split("\n"),
  });
}

async function initError(type, message) {
  console.error(`[ERROR] ${type}: ${message}`);
  const body = Buffer.from(JSON.stringify({ errorType: type, errorMessage: message, trace: [] }));
  await send(`X\t${body.length}\n`, body);
  process.exit(1);
}

// ES modules do not read NODE_PATH, and Lambda's runtime still lets them import the
// SDK it includes: a resolve hook tries NODE_PATH's folders for a bare specifier
// that the handler's own node_modules do not have.
const SDK_HOOK = `
import { pathToFileURL } from "node:url";
let roots = [];
export function initialize(data) { roots = (data && data.roots) || []; }
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    const bare = !/^(\\.|\\/|[a-z]+:)/i.test(specifier);
    if (!bare || !e || e.code !== "ERR_MODULE_NOT_FOUND") throw e;
    for (const root of roots) {
      try {
        return await next(specifier, { ...context, parentURL: pathToFileURL(root + "/gatekit-sdk.mjs").href });
      } catch {}
    }
    throw e;
  }
}`;

// Registering a hook starts Node's loader thread (tens of milliseconds of a cold
// start): only ES module handlers need it; CommonJS reads NODE_PATH itself.
let hooked = false;
function registerSdkHook() {
  const dirs = (process.env.NODE_PATH || "").split(path.delimiter).filter(Boolean);
  if (hooked || typeof register !== "function" || dirs.length === 0) return;
  hooked = true;
  // Resolution from a file in ROOT looks in ROOT/node_modules: the folder above each.
  const roots = dirs.map((d) => (path.basename(d) === "node_modules" ? path.dirname(d) : d));
  register("data:text/javascript," + encodeURIComponent(SDK_HOOK), import.meta.url, { data: { roots } });
}

async function importEsm(file) {
  registerSdkHook();
  return import(pathToFileURL(file).href);
}

async function loadHandler() {
  const spec = process.env._HANDLER || "index.handler";
  const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
  const dot = spec.lastIndexOf(".");
  const file = spec.slice(0, dot);
  const name = spec.slice(dot + 1);
  const base = path.resolve(root, file);
  const found = [".mjs", ".cjs", ".js"].map((ext) => base + ext).find((p) => fs.existsSync(p));
  if (!found) {
    return initError("Runtime.ImportModuleError", `Error: Cannot find module '${file}'`);
  }
  let mod;
  try {
    if (found.endsWith(".mjs")) {
      mod = await importEsm(found);
    } else {
      try {
        mod = createRequire(found)(found);
      } catch (e) {
        if (e && (e.code === "ERR_REQUIRE_ESM" || e.code === "ERR_REQUIRE_ASYNC_MODULE")) {
          mod = await importEsm(found);
        } else {
          throw e;
        }
      }
    }
  } catch (e) {
    let message = `${e && e.name}: ${e && e.message}`;
    if (/@aws-sdk\//.test(String(e && e.message))) {
      message += ` (Lambda's runtime includes the AWS SDK for JavaScript v3; locally, run \`${process.env.GATEKIT_SDK_HINT || "gatekit local sdk install"}\` once)`;
    }
    return initError("Runtime.ImportModuleError", message);
  }
  const fn = mod[name] ?? (mod.default && mod.default[name]);
  if (typeof fn !== "function") {
    return initError("Runtime.HandlerNotFound", `${spec} is undefined or not exported`);
  }
  return fn;
}

function context(next) {
  const { deadline, clientContext: client } = next;
  return {
    awsRequestId: next.id,
    invokedFunctionArn: next.arn,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: client ? JSON.parse(client) : undefined,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function run(handler, event, ctx) {
  if (handler.length >= 3) {
    return new Promise((resolve, reject) => {
      const done = (err, result) => (err ? reject(err) : resolve(result));
      const maybe = handler(event, ctx, done);
      if (maybe && typeof maybe.then === "function") maybe.then(resolve, reject);
    });
  }
  return Promise.resolve().then(() => handler(event, ctx));
}

// Tells gatekit that this invocation's output is complete (the line is not logged):
// stdout and stderr share one pipe, and writes to pipes are synchronous on Linux, so
// nothing written before can come after it.
function markEnd(id) {
  try {
    process.stdout.write(`\u0001gatekit-end ${id}\n`);
  } catch {}
}

const handler = await loadHandler();
await send("N\n");
for (;;) {
  const next = await receive();
  process.env._X_AMZN_TRACE_ID = next.trace;
  try {
    const event = next.payload ? JSON.parse(next.payload) : undefined;
    const result = await run(handler, event, context(next));
    const body = Buffer.from(JSON.stringify(result === undefined ? null : result));
    markEnd(next.id);
    send(`R\t${next.id}\t${body.length}\n`, body);
  } catch (err) {
    console.error(`[ERROR] ${err && err.name}: ${err && err.message}`);
    const body = Buffer.from(errorBody(err));
    markEnd(next.id);
    send(`E\t${next.id}\t${body.length}\n`, body);
  }
}
