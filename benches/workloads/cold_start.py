"""Cold starts of local functions, against the interpreter's own start.

For each runtime, creates N functions whose handler returns the wall clock at its
first line, invokes each once, and takes the median of (handler's first line -
the moment the Invoke was sent). The interpreter's own start is measured the same
way: the median of (a script's first line - the moment the process was started),
with the flags gatekit's shim uses (`python3 -S FILE.py`, `node FILE.mjs`), with the
same executables the emulator resolves. Also reports each idle instance's memory.

    python3 cold_start.py ENDPOINT [N=7]
"""

import base64
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

endpoint = sys.argv[1].rstrip("/")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 7


def call(method, path, body=None):
    req = urllib.request.Request(endpoint + path, method=method, data=body,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.read()


def zip_of(name, text):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(name, text)
    return base64.b64encode(b.getvalue()).decode()


RUNTIMES = {
    "python": ("python3.12", "app.handler", "app.py",
               "import time\ndef handler(event, context):\n    return time.time() * 1000\n"),
    "node": ("nodejs22.x", "index.handler", "index.mjs",
             "export const handler = async () => Date.now();\n"),
}


def real(program, probe):
    out = subprocess.run([program, "-e" if program == "node" else "-c", probe], capture_output=True, text=True)
    return out.stdout.strip() or shutil.which(program)


def own_start(argv, first_line_file, text):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, first_line_file)
        with open(path, "w") as f:
            f.write(text)
        times = []
        for _ in range(N):
            t0 = time.time() * 1000
            out = subprocess.run(argv + [path], capture_output=True, text=True)
            times.append(float(out.stdout.strip()) - t0)
        return statistics.median(times)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


stamp = int(time.time())
for kind, (runtime, handler, file, source) in RUNTIMES.items():
    firsts = []
    for i in range(N):
        name = f"cold-{kind}-{stamp}-{i}"
        call("POST", "/2015-03-31/functions", json.dumps({
            "FunctionName": name, "Runtime": runtime, "Role": "arn:aws:iam::000000000000:role/x",
            "Handler": handler, "Code": {"ZipFile": zip_of(file, source)}}).encode())
        t0 = time.time() * 1000
        first = float(call("POST", f"/2015-03-31/functions/{name}/invocations", b"{}"))
        firsts.append(first - t0)
    if kind == "python":
        exe = real("python3", "import sys; print(sys.executable)")
        own = own_start([exe, "-S"], "first.py", "import time\nprint(time.time() * 1000)\n")
        shim = "bootstrap.py"
    else:
        exe = real("node", "console.log(process.execPath)")
        own = own_start([exe], "first.mjs", "console.log(Date.now());\n")
        shim = "bootstrap.mjs"
    pids = subprocess.run(["pgrep", "-f", shim], capture_output=True, text=True).stdout.split()
    memory = statistics.median([rss_kb(int(p)) for p in pids]) / 1024 if pids else 0
    cold = statistics.median(firsts)
    print(f"RESULT {kind}: cold start to the handler's first line {cold:.0f} ms (median of {N}); "
          f"the interpreter's own start {own:.0f} ms; difference {cold - own:+.0f} ms; "
          f"memory per idle instance {memory:.0f} MB")
