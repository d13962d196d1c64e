-- wrk script for the Query and TransactWriteItems load (benches/ddb_more.sh runs it).
--   OP=query|transact TABLE=name wrk -t1 -c8 -d10s --latency -s benches/ddb_more.lua URL
-- Query: pk = :p AND sk BETWEEN :a AND :b on one of 100 seeded partitions (10 items back).
-- Transact: 2 Puts of fresh keys + 1 conditional Update ADD on a seeded item.
-- Every non-200 response is counted and printed at the end.
local op = os.getenv("OP") or "query"
local tbl = os.getenv("TABLE") or "bench_more"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = op == "query" and "DynamoDB_20120810.Query" or "DynamoDB_20120810.TransactWriteItems"
wrk.headers["X-Amz-Date"] = "20260101T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=fakeAccessKeyId/20260101/us-east-1/dynamodb/aws4_request, "
  .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" .. string.rep("0", 64)

local sent, bad = 0, 0
math.randomseed(7)

request = function()
  sent = sent + 1
  local body
  if op == "query" then
    local p = math.random(0, 99)
    local a = math.random(0, 9)
    body = string.format('{"TableName":"%s","KeyConditionExpression":"pk = :p AND sk BETWEEN :a AND :b",'
      .. '"ExpressionAttributeValues":{":p":{"S":"p%d"},":a":{"N":"%d"},":b":{"N":"%d"}}}', tbl, p, a, a + 9)
  else
    local p = math.random(0, 99)
    body = string.format('{"TransactItems":['
      .. '{"Put":{"TableName":"%s","Item":{"pk":{"S":"t%d"},"sk":{"N":"1"},"v":{"N":"1"}}}},'
      .. '{"Put":{"TableName":"%s","Item":{"pk":{"S":"t%d"},"sk":{"N":"2"},"v":{"N":"2"}}}},'
      .. '{"Update":{"TableName":"%s","Key":{"pk":{"S":"p%d"},"sk":{"N":"0"}},"UpdateExpression":"ADD c :one",'
      .. '"ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":one":{"N":"1"}}}}]}',
      tbl, sent, tbl, sent, tbl, p)
  end
  return wrk.format(nil, nil, nil, body)
end

response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.stderr:write(string.format("CHECK op=%s requests=%d ops_per_s=%.0f non200=%d p50_ms=%.2f p99_ms=%.2f\n",
    op, summary.requests, summary.requests / (summary.duration / 1e6), bad,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
