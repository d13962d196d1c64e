#!/usr/bin/env bash
# Query and TransactWriteItems load with wrk (8 connections, 10 s each) against a
# DynamoDB endpoint: seeds 100 partitions x 20 items, then runs benches/ddb_more.lua.
#   benches/ddb_more.sh ENDPOINT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EP=${1:?usage: ddb_more.sh ENDPOINT}
TABLE=bench_more_$$
AUTH="AWS4-HMAC-SHA256 Credential=fakeAccessKeyId/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=$(printf '0%.0s' $(seq 64))"
ddb() {
  curl -sS --max-time 30 -X POST "$EP/" -H 'Content-Type: application/x-amz-json-1.0' \
    -H "X-Amz-Target: DynamoDB_20120810.$1" -H "Authorization: $AUTH" --data "$2"
}
ddb CreateTable "{\"TableName\":\"$TABLE\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}" >/dev/null
for p in $(seq 0 99); do
  items=""
  for s in $(seq 0 19); do
    items="$items{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"p$p\"},\"sk\":{\"N\":\"$s\"},\"pad\":{\"S\":\"$(printf 'x%.0s' $(seq 100))\"}}}},"
  done
  ddb BatchWriteItem "{\"RequestItems\":{\"$TABLE\":[${items%,}]}}" >/dev/null
done
for op in query transact; do
  OP=$op TABLE=$TABLE wrk -t1 -c8 -d10s --latency -s "$HERE/ddb_more.lua" "$EP/" 2>&1 >/dev/null | grep '^CHECK'
done
ddb DeleteTable "{\"TableName\":\"$TABLE\"}" >/dev/null
