#!/usr/bin/env python3
"""Fixed DynamoDB workload benchmark, runnable against any DynamoDB endpoint.

    $PEERS_ENV/venv/bin/python benches/workloads/dynamo_bench.py --endpoint http://127.0.0.1:5000 --runs 3

Data model (seeded, identical on every run and every endpoint):
  table  pk S (HASH), sk N (RANGE); GSI "gsi1" gpk S (HASH), gsk N (RANGE), projection ALL
  25,000 base items: partitions p0000..p0999, 25 items each (sk 0..24); item number
  n = partition*25 + sk; gpk = "g%02d" % (n % 100), gsk = n, a = 0, st = even|odd, pad = 200 B
  partitions 0..199 are written by PutItem (5,000), 200..999 by BatchWriteItem (20,000).

Phases (all request phases use one boto3 client shared by --threads worker threads,
default 8, except scan which pages sequentially):
  create_table   CreateTable + poll DescribeTable until table and GSI are ACTIVE
  put_item       5,000 PutItem
  batch_write    800 BatchWriteItem x 25 puts (UnprocessedItems are re-sent)
  get_item       5,000 GetItem on random keys
  query_filter   1,000 Query pk = :p with FilterExpression st = :even (13 of 25 match)
  scan           full Scan with pagination (1 MB pages), sequential
  update_cond    2,000 UpdateItem SET a = a + :one, Condition attribute_exists(pk) AND a >= :zero
  transact_write 500 TransactWriteItems of 4 actions (3 conditional Puts + 1 Update)
  gsi_query      1,000 Query on gsi1: gpk = :g AND gsk BETWEEN :lo AND :hi (25 items each)

Each phase reports ops/s (requests per second of wall time), items/s where a request
touches many items, and p50/p99 request latency in ms. Each phase also checks the
result counts, so a wrong emulator shows up as CHECK FAILED rather than as a fast number.
With --runs N > 1 every run uses a fresh table and the summary is the per-phase median.

Note: the client runs on the same machine as the server. With --client boto3 (default)
botocore's signing and (de)serialisation cost ~1 ms of CPU per request, which caps this
harness at roughly 900-1,000 simple requests/s on a 2-core box (measure the ceiling with
benches/workloads/null_ddb.js). --client raw sends the same requests through http.client with an
unverified signature and lifts that ceiling several-fold. Use --phases to run a subset.
Credentials default to dummy values if none are set.
"""
import argparse
import concurrent.futures as cf
import json
import os
import random
import statistics
import sys
import threading
import time
import uuid

import boto3
from botocore.config import Config

N_PARTITIONS = 1000
PER_PARTITION = 25
PUT_PARTITIONS = 200            # 200 * 25 = 5,000 PutItem
N_GET = 5000
N_QUERY = 1000
N_UPDATE = 2000
N_TX = 500
N_GSI_QUERY = 1000
GSI_BUCKETS = 100
PAD = "x" * 200
ALL_PHASES = ["create_table", "put_item", "batch_write", "get_item", "query_filter",
              "scan", "update_cond", "transact_write", "gsi_query"]


class RawError(Exception):
    def __init__(self, status, code, message):
        super().__init__("%s (%s): %s" % (code, status, message))
        self.code = code


class RawClient:
    """Minimal DynamoDB JSON-1.0 client: one keep-alive http.client connection per
    thread, json.dumps of the request, a syntactically valid but unverified SigV4
    Authorization header (local emulators do not check signatures). It has a much
    lower per-request cost than botocore, so it can drive a fast server harder.
    Supports the calls this benchmark makes (no binary attributes)."""

    def __init__(self, endpoint, region):
        import http.client
        import urllib.parse
        u = urllib.parse.urlsplit(endpoint)
        self._conn_cls = http.client.HTTPSConnection if u.scheme == "https" else http.client.HTTPConnection
        self._host, self._port = u.hostname, u.port or (443 if u.scheme == "https" else 80)
        self._region = region
        self._local = threading.local()

    def _conn(self):
        c = getattr(self._local, "conn", None)
        if c is None:
            c = self._local.conn = self._conn_cls(self._host, self._port, timeout=120)
        return c

    def call(self, op, params):
        body = json.dumps(params, separators=(",", ":")).encode()
        amz_date = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        headers = {
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": "DynamoDB_20120810." + op,
            "X-Amz-Date": amz_date,
            "Authorization": "AWS4-HMAC-SHA256 Credential=test/%s/%s/dynamodb/aws4_request, "
                             "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=%s"
                             % (amz_date[:8], self._region, "0" * 64),
        }
        for attempt in (0, 1):
            c = self._conn()
            try:
                c.request("POST", "/", body=body, headers=headers)
                r = c.getresponse()
                data = r.read()
                break
            except (ConnectionError, OSError):
                c.close()
                self._local.conn = None
                if attempt:
                    raise
        try:
            out = json.loads(data) if data else {}
        except ValueError:       # e.g. an HTML 500 page
            raise RawError(r.status, "HTTP%d" % r.status, data[:120].decode("utf-8", "replace"))
        if r.status != 200:
            code = str(out.get("__type", r.status)).split("#")[-1]
            raise RawError(r.status, code, out.get("message") or out.get("Message") or "")
        return out

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        op = "".join(part.capitalize() for part in name.split("_"))
        return lambda **kw: self.call(op, kw)


def item_for(p, sk):
    n = p * PER_PARTITION + sk
    return {
        "pk": {"S": "p%04d" % p},
        "sk": {"N": str(sk)},
        "gpk": {"S": "g%02d" % (n % GSI_BUCKETS)},
        "gsk": {"N": str(n)},
        "a": {"N": "0"},
        "st": {"S": "even" if sk % 2 == 0 else "odd"},
        "price": {"N": "%d.%02d" % (n, n % 100)},
        "pad": {"S": PAD},
    }


def pct(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(q / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


class Phase:
    def __init__(self, name):
        self.name = name
        self.lat = []
        self.items = 0
        self.wall = 0.0
        self.check = "ok"
        self.note = ""

    def result(self):
        n = len(self.lat)
        return {
            "phase": self.name,
            "requests": n,
            "items": self.items,
            "wall_s": round(self.wall, 4),
            "ops_s": round(n / self.wall, 1) if self.wall > 0 and self.name != "create_table" else None,
            "items_s": round(self.items / self.wall, 1) if self.wall > 0 and self.items else None,
            "p50_ms": round(pct(self.lat, 50) * 1000, 3) if n else None,
            "p99_ms": round(pct(self.lat, 99) * 1000, 3) if n else None,
            "check": self.check,
            "note": self.note,
        }


PHASE_BUDGET_S = [300.0]   # set from --phase-budget


def run_pool(phase, threads, tasks, fn):
    """Run fn(task) -> items_touched for every task on a thread pool; record latencies.

    Tasks not started within the phase budget are skipped and the phase is marked
    TIMEOUT, so one pathological operation cannot stall the whole benchmark."""
    lock = threading.Lock()
    errors = []
    skipped = [0]
    deadline = time.perf_counter() + PHASE_BUDGET_S[0]

    def one(task):
        if time.perf_counter() > deadline:
            with lock:
                skipped[0] += 1
            return
        t0 = time.perf_counter()
        try:
            got = fn(task)
        except Exception as e:  # record, keep going
            with lock:
                errors.append(repr(e)[:300])
            got = 0
        dt = time.perf_counter() - t0
        with lock:
            phase.lat.append(dt)
            phase.items += got

    t0 = time.perf_counter()
    with cf.ThreadPoolExecutor(max_workers=threads) as ex:
        list(ex.map(one, tasks))
    phase.wall = time.perf_counter() - t0
    if errors:
        phase.check = "CHECK FAILED"
        phase.note = "%d errors, first: %s" % (len(errors), errors[0])
    if skipped[0]:
        phase.check = "TIMEOUT"
        phase.note = ("%d/%d requests started within the %.0f s phase budget" % (
            len(tasks) - skipped[0], len(tasks), PHASE_BUDGET_S[0])) + ("; " + phase.note if phase.note else "")
    print("  [%s] %s done in %.1f s" % (time.strftime("%H:%M:%S"), phase.name, phase.wall),
          file=sys.stderr, flush=True)


def wait_active(ddb, table, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        t = ddb.describe_table(TableName=table)["Table"]
        gsis = t.get("GlobalSecondaryIndexes", [])
        if t["TableStatus"] == "ACTIVE" and all(g.get("IndexStatus", "ACTIVE") == "ACTIVE" for g in gsis):
            return
        time.sleep(0.05)
    raise RuntimeError("table %s not ACTIVE after %ss" % (table, timeout))


def bench_once(ddb, args, run_no):
    rnd = random.Random(12345 + run_no)
    table = "%s-%s" % (args.table_prefix, uuid.uuid4().hex[:8])
    phases = []
    want = set(args.phases)
    tx_items = 0

    # ---- create_table (always executed; timed only if selected)
    ph = Phase("create_table")
    t0 = time.perf_counter()
    ddb.create_table(
        TableName=table,
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"},
            {"AttributeName": "gpk", "AttributeType": "S"},
            {"AttributeName": "gsk", "AttributeType": "N"},
        ],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                   {"AttributeName": "sk", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[{
            "IndexName": "gsi1",
            "KeySchema": [{"AttributeName": "gpk", "KeyType": "HASH"},
                          {"AttributeName": "gsk", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"},
        }],
        BillingMode="PAY_PER_REQUEST",
    )
    wait_active(ddb, table)
    ph.wall = time.perf_counter() - t0
    ph.lat.append(ph.wall)
    ph.note = "latency = CreateTable until table+GSI ACTIVE"
    if "create_table" in want:
        phases.append(ph)

    try:
        # ---- put_item (always loads data; timed only if selected)
        ph = Phase("put_item")
        keys = [(p, sk) for p in range(PUT_PARTITIONS) for sk in range(PER_PARTITION)]

        def put(k):
            ddb.put_item(TableName=table, Item=item_for(*k))
            return 1
        run_pool(ph, args.threads, keys, put)
        if "put_item" in want:
            phases.append(ph)

        # ---- batch_write
        ph = Phase("batch_write")
        rest = [(p, sk) for p in range(PUT_PARTITIONS, N_PARTITIONS) for sk in range(PER_PARTITION)]
        batches = [rest[i:i + 25] for i in range(0, len(rest), 25)]
        retries = [0]

        def bw(batch):
            reqs = {table: [{"PutRequest": {"Item": item_for(*k)}} for k in batch]}
            for attempt in range(20):
                out = ddb.batch_write_item(RequestItems=reqs)
                reqs = out.get("UnprocessedItems") or {}
                if not reqs:
                    return len(batch)
                retries[0] += 1
                time.sleep(0.005 * (attempt + 1))
            raise RuntimeError("UnprocessedItems not drained")
        run_pool(ph, args.threads, batches, bw)
        if retries[0]:
            ph.note = "%d UnprocessedItems re-sends" % retries[0]
        if "batch_write" in want:
            phases.append(ph)

        # ---- get_item
        if "get_item" in want:
            ph = Phase("get_item")
            gkeys = [(rnd.randrange(N_PARTITIONS), rnd.randrange(PER_PARTITION)) for _ in range(N_GET)]
            missing = [0]

            def get(k):
                out = ddb.get_item(TableName=table, Key={"pk": {"S": "p%04d" % k[0]}, "sk": {"N": str(k[1])}})
                if "Item" not in out or out["Item"]["gsk"]["N"] != str(k[0] * PER_PARTITION + k[1]):
                    missing[0] += 1
                    return 0
                return 1
            run_pool(ph, args.threads, gkeys, get)
            if missing[0]:
                ph.check = "CHECK FAILED"
                ph.note = "%d items missing/wrong" % missing[0]
            phases.append(ph)

        # ---- query_filter
        if "query_filter" in want:
            ph = Phase("query_filter")
            bad = [0]

            def q(p):
                out = ddb.query(TableName=table, KeyConditionExpression="pk = :p",
                                FilterExpression="#st = :even",
                                ExpressionAttributeNames={"#st": "st"},
                                ExpressionAttributeValues={":p": {"S": "p%04d" % p}, ":even": {"S": "even"}})
                if out["Count"] != 13 or out.get("ScannedCount") != PER_PARTITION:
                    bad[0] += 1
                return out["Count"]
            run_pool(ph, args.threads, list(range(N_QUERY)), q)
            if bad[0]:
                ph.check = "CHECK FAILED"
                ph.note = "%d queries with wrong Count/ScannedCount" % bad[0]
            phases.append(ph)

        # ---- scan (sequential pagination)
        if "scan" in want:
            ph = Phase("scan")
            t0 = time.perf_counter()
            kw = {"TableName": table}
            while True:
                s0 = time.perf_counter()
                out = ddb.scan(**kw)
                ph.lat.append(time.perf_counter() - s0)
                ph.items += out["Count"]
                if "LastEvaluatedKey" not in out:
                    break
                kw["ExclusiveStartKey"] = out["LastEvaluatedKey"]
            ph.wall = time.perf_counter() - t0
            expect = N_PARTITIONS * PER_PARTITION
            if ph.items != expect:
                ph.check = "CHECK FAILED"
            ph.note = "%d items in %d pages" % (ph.items, len(ph.lat))
            print("  [%s] scan done in %.1f s" % (time.strftime("%H:%M:%S"), ph.wall), file=sys.stderr, flush=True)
            phases.append(ph)

        # ---- update_cond
        if "update_cond" in want:
            ph = Phase("update_cond")
            ukeys = [(rnd.randrange(N_PARTITIONS), rnd.randrange(PER_PARTITION)) for _ in range(N_UPDATE)]

            def upd(k):
                ddb.update_item(
                    TableName=table,
                    Key={"pk": {"S": "p%04d" % k[0]}, "sk": {"N": str(k[1])}},
                    UpdateExpression="SET a = a + :one",
                    ConditionExpression="attribute_exists(pk) AND a >= :zero",
                    ExpressionAttributeValues={":one": {"N": "1"}, ":zero": {"N": "0"}},
                )
                return 1
            run_pool(ph, args.threads, ukeys, upd)
            phases.append(ph)

        # ---- transact_write
        if "transact_write" in want:
            ph = Phase("transact_write")

            def tx(i):
                p = (i * 2) % N_PARTITIONS
                acts = [{"Put": {"TableName": table,
                                 "Item": {"pk": {"S": "t%04d" % i}, "sk": {"N": str(j)},
                                          "a": {"N": "0"}, "pad": {"S": PAD}},
                                 "ConditionExpression": "attribute_not_exists(pk)"}} for j in range(3)]
                acts.append({"Update": {"TableName": table,
                                        "Key": {"pk": {"S": "p%04d" % p}, "sk": {"N": str(i % PER_PARTITION)}},
                                        "UpdateExpression": "SET tx = :i",
                                        "ConditionExpression": "attribute_exists(pk)",
                                        "ExpressionAttributeValues": {":i": {"N": str(i)}}}})
                ddb.transact_write_items(TransactItems=acts)
                return 4
            run_pool(ph, args.threads, list(range(N_TX)), tx)
            tx_items = ph.items
            phases.append(ph)

        # ---- gsi_query
        if "gsi_query" in want:
            ph = Phase("gsi_query")
            bad = [0]
            span = GSI_BUCKETS * PER_PARTITION     # 25 matching items per query
            qs = []
            for _ in range(N_GSI_QUERY):
                g = rnd.randrange(GSI_BUCKETS)
                lo = rnd.randrange(0, N_PARTITIONS * PER_PARTITION - span)
                qs.append((g, lo))

            def gq(arg):
                g, lo = arg
                out = ddb.query(TableName=table, IndexName="gsi1",
                                KeyConditionExpression="gpk = :g AND gsk BETWEEN :lo AND :hi",
                                ExpressionAttributeValues={":g": {"S": "g%02d" % g},
                                                           ":lo": {"N": str(lo)},
                                                           ":hi": {"N": str(lo + span - 1)}})
                if out["Count"] != PER_PARTITION:
                    bad[0] += 1
                return out["Count"]
            run_pool(ph, args.threads, qs, gq)
            if bad[0]:
                ph.check = "CHECK FAILED"
                ph.note = "%d GSI queries with wrong Count" % bad[0]
            phases.append(ph)
    finally:
        if not args.keep_table:
            try:
                ddb.delete_table(TableName=table)
            except Exception as e:  # pragma: no cover
                print("warning: delete_table failed: %r" % e, file=sys.stderr)
    _ = tx_items
    return [p.result() for p in phases]


def fmt_table(rows, title):
    hdr = "%-15s %9s %9s %10s %10s %9s  %s" % ("phase", "requests", "ops/s", "items/s", "p50 ms", "p99 ms", "check")
    out = [title, hdr, "-" * len(hdr)]
    for r in rows:
        out.append("%-15s %9s %9s %10s %10s %9s  %s%s" % (
            r["phase"], r["requests"],
            "%.0f" % r["ops_s"] if r["ops_s"] is not None else "-",
            "%.0f" % r["items_s"] if r["items_s"] is not None else "-",
            "%.2f" % r["p50_ms"] if r["p50_ms"] is not None else "-",
            "%.2f" % r["p99_ms"] if r["p99_ms"] is not None else "-",
            r["check"], ("  (" + r["note"] + ")") if r.get("note") else ""))
    return "\n".join(out)


def median_rows(runs):
    out = []
    for i, first in enumerate(runs[0]):
        rows = [r[i] for r in runs]
        m = dict(first)
        for k in ("wall_s", "ops_s", "items_s", "p50_ms", "p99_ms"):
            vals = [r[k] for r in rows if r[k] is not None]
            m[k] = statistics.median(vals) if vals else None
        checks = {r["check"] for r in rows}
        m["check"] = "ok" if checks == {"ok"} else "/".join(sorted(checks - {"ok"}))
        m["note"] = "; ".join(sorted({r["note"] for r in rows if r["note"]}))[:200]
        out.append(m)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", help="e.g. http://127.0.0.1:5000 (required unless --merge)")
    ap.add_argument("--merge", nargs="+", metavar="JSON",
                    help="do not run: print the per-phase median over the runs stored in these --json files")
    ap.add_argument("--region", default=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"))
    ap.add_argument("--runs", type=int, default=1, help="repeat the workload; summary is the median")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--client", choices=["boto3", "raw"], default="boto3",
                    help="boto3 (default: the real SDK path) or raw (low-overhead http.client driver)")
    ap.add_argument("--phases", default=",".join(ALL_PHASES),
                    help="comma list; data is always loaded (put_item, batch_write) but only listed phases are reported")
    ap.add_argument("--table-prefix", default="gatekit-bench")
    ap.add_argument("--keep-table", action="store_true")
    ap.add_argument("--label", default="", help="name shown in the output / json")
    ap.add_argument("--json", help="write all runs + median summary to this file")
    ap.add_argument("--phase-budget", type=float, default=300.0,
                    help="seconds per thread-pool phase; requests not started by then are skipped (TIMEOUT)")
    args = ap.parse_args()
    PHASE_BUDGET_S[0] = args.phase_budget
    if args.merge:
        runs, label = [], None
        for path in args.merge:
            with open(path) as f:
                d = json.load(f)
            runs += d["runs"]
            label = label or d["label"]
        summary = median_rows(runs)
        print(fmt_table(summary, "== %s median of %d runs (%s)" % (args.label or label, len(runs),
                                                                    ", ".join(args.merge))))
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"label": args.label or label, "runs": runs, "median": summary}, f, indent=1)
        return
    if not args.endpoint:
        ap.error("--endpoint is required")
    args.phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    bad = set(args.phases) - set(ALL_PHASES)
    if bad:
        ap.error("unknown phases: %s" % ", ".join(sorted(bad)))

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
    cfg = Config(max_pool_connections=max(16, args.threads * 2),
                 retries={"mode": "standard", "max_attempts": 3},
                 connect_timeout=5, read_timeout=120)
    if args.client == "raw":
        ddb = RawClient(args.endpoint, args.region)
    else:
        ddb = boto3.client("dynamodb", endpoint_url=args.endpoint, region_name=args.region, config=cfg)

    label = args.label or args.endpoint
    runs, loads = [], []
    for i in range(args.runs):
        t0 = time.perf_counter()
        load0 = os.getloadavg()[0]
        rows = bench_once(ddb, args, i)
        runs.append(rows)
        loads.append([round(load0, 2), round(os.getloadavg()[0], 2)])
        print(fmt_table(rows, "\n== %s run %d/%d (%.1f s, 1-min load avg %.2f -> %.2f)" % (
            label, i + 1, args.runs, time.perf_counter() - t0, loads[-1][0], loads[-1][1])), flush=True)
    summary = median_rows(runs) if len(runs) > 1 else runs[0]
    if len(runs) > 1:
        print(fmt_table(summary, "\n== %s median of %d runs" % (label, len(runs))))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"label": label, "endpoint": args.endpoint, "threads": args.threads, "client": args.client,
                       "phase_budget_s": args.phase_budget, "loadavg_start_end": loads,
                       "runs": runs, "median": summary}, f, indent=1)
    failed = any(r["check"] != "ok" for r in summary)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
