"""PartiQL through boto3: ExecuteStatement (SELECT as a query or a scan, INSERT,
UPDATE, DELETE, parameters, paging), BatchExecuteStatement and ExecuteTransaction,
with DynamoDB's answers and errors.

Run by tests/it/boto3.rs: python dynamodb_partiql_boto3.py ENDPOINT.
"""

import sys

from checks import client, error_of

endpoint = sys.argv[1]
ddb = client("dynamodb", endpoint)

ddb.create_table(TableName="todos",
                 KeySchema=[{"AttributeName": "owner", "KeyType": "HASH"}, {"AttributeName": "id", "KeyType": "RANGE"}],
                 AttributeDefinitions=[{"AttributeName": "owner", "AttributeType": "S"},
                                       {"AttributeName": "id", "AttributeType": "N"},
                                       {"AttributeName": "status", "AttributeType": "S"}],
                 GlobalSecondaryIndexes=[{"IndexName": "by_status",
                                          "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                                          "Projection": {"ProjectionType": "ALL"}}],
                 BillingMode="PAY_PER_REQUEST")


def run(statement, **kw):
    return ddb.execute_statement(Statement=statement, **kw)


def items(statement, **kw):
    out, token = [], None
    while True:
        extra = dict(kw)
        if token:
            extra["NextToken"] = token
        r = run(statement, **extra)
        out.extend(r["Items"])
        token = r.get("NextToken")
        if not token:
            return out


# INSERT: an item literal, with nested values and sets; a key that exists is a DuplicateItemException.
for i, (owner, status) in enumerate([("ann", "open"), ("ann", "done"), ("ann", "open"), ("bob", "open")]):
    r = run(f"INSERT INTO todos VALUE {{'owner': '{owner}', 'id': {i + 1}, 'status': '{status}', "
            f"'meta': {{'tags': ['a', 'b'], 'n': {i}}}, 'labels': <<'x', 'y'>>}}")
    assert r["Items"] == [], r
code, msg = error_of(ddb.execute_statement, Statement="INSERT INTO todos VALUE {'owner': 'ann', 'id': 1}")
assert (code, msg) == ("DuplicateItemException", "Duplicate primary key exists in table"), (code, msg)
got = ddb.get_item(TableName="todos", Key={"owner": {"S": "ann"}, "id": {"N": "1"}})["Item"]
assert got["labels"] == {"SS": ["x", "y"]} and got["meta"]["M"]["tags"] == {"L": [{"S": "a"}, {"S": "b"}]}, got

# SELECT on the partition key is a query; with the sort key's condition and a filter.
assert [i["id"]["N"] for i in items("SELECT * FROM todos WHERE owner = 'ann'")] == ["1", "2", "3"]
assert [i["id"]["N"] for i in items("SELECT * FROM todos WHERE owner = 'ann' ORDER BY id DESC")] == ["3", "2", "1"]
assert [i["id"]["N"] for i in items("SELECT * FROM todos WHERE owner = ? AND id BETWEEN 2 AND 3",
                                    Parameters=[{"S": "ann"}])] == ["2", "3"]
assert [i["id"]["N"] for i in items("SELECT * FROM todos WHERE owner = 'ann' AND id > 1 AND status = 'open'")] == ["3"]
assert items("SELECT id, meta.tags[1] FROM todos WHERE owner = 'ann' AND id = 2") == [
    {"id": {"N": "2"}, "meta": {"M": {"tags": {"L": [{"S": "b"}]}}}}]
# Without a partition key equality it is a scan with a filter.
assert sorted(i["owner"]["S"] + i["id"]["N"] for i in items("SELECT * FROM todos WHERE status IN ['open', 'x']")) == ["ann1", "ann3", "bob4"]
assert [i["owner"]["S"] for i in items("SELECT * FROM todos WHERE begins_with(owner, 'b')")] == ["bob"]
assert len(items("SELECT * FROM todos WHERE nope IS MISSING")) == 4
assert len(items("SELECT * FROM todos WHERE meta.n >= 2 AND attribute_exists(labels)")) == 2
assert len(items('SELECT * FROM "todos"."by_status" WHERE status = \'open\'')) == 3
# Paging: Limit and NextToken.
first = run("SELECT * FROM todos", Limit=2)
assert len(first["Items"]) == 2 and first["NextToken"], first
assert len(items("SELECT * FROM todos", Limit=1)) == 4

# UPDATE: SET and REMOVE on an item that exists; its WHERE's other terms are its condition.
r = run("UPDATE todos SET status = 'done', meta.n = meta.n + 10 REMOVE labels WHERE owner = 'ann' AND id = 1 RETURNING ALL NEW *")
assert r["Items"][0]["status"] == {"S": "done"} and r["Items"][0]["meta"]["M"]["n"] == {"N": "10"}, r
assert "labels" not in r["Items"][0]
run("UPDATE todos SET labels = set_add(labels, <<'z'>>) WHERE owner = 'ann' AND id = 2")
assert ddb.get_item(TableName="todos", Key={"owner": {"S": "ann"}, "id": {"N": "2"}})["Item"]["labels"]["SS"] == ["x", "y", "z"]
code, _ = error_of(ddb.execute_statement, Statement="UPDATE todos SET status = 'x' WHERE owner = 'ann' AND id = 2 AND status = 'open'")
assert code == "ConditionalCheckFailedException"
code, _ = error_of(ddb.execute_statement, Statement="UPDATE todos SET status = 'x' WHERE owner = 'zed' AND id = 9")
assert code == "ConditionalCheckFailedException"
assert items("SELECT * FROM todos WHERE owner = 'zed'") == []
code, msg = error_of(ddb.execute_statement, Statement="UPDATE todos SET status = 'x' WHERE owner = 'ann'")
assert (code, msg) == ("ValidationException", "Where clause does not contain a mandatory equality on all key attributes"), msg

# DELETE: a missing item is no error; a false condition is.
assert run("DELETE FROM todos WHERE owner = 'nobody' AND id = 1")["Items"] == []
code, _ = error_of(ddb.execute_statement, Statement="DELETE FROM todos WHERE owner = 'bob' AND id = 4 AND status = 'done'")
assert code == "ConditionalCheckFailedException"
r = run("DELETE FROM todos WHERE owner = 'bob' AND id = 4 RETURNING ALL OLD *")
assert r["Items"][0]["owner"] == {"S": "bob"}, r

# DynamoDB's words for statements it refuses.
for statement, message in [
    ("SELECT * FROM todos WHERE owner = 'ann' foo", "Statement wasn't well formed, can't be processed: Unexpected token after expression"),
    ("SELECT * FROM todos t WHERE owner = 'ann'", "Aliasing is not supported"),
    ("SELECT * FROM todos WHERE owner = 'ann' # x", "Statement wasn't well formed, can't be processed: "),
    ("SELECT * FROM todos WHERE owner = ?", "Number of parameters in request and statement don't match."),
    ("SELECT * FROM todos WHERE id = 1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range under root"),
]:
    code, msg = error_of(ddb.execute_statement, Statement=statement)
    assert (code, msg) == ("ValidationException", message), (statement, code, msg)
code, _ = error_of(ddb.execute_statement, Statement="SELECT * FROM nothing WHERE a = 1")
assert code == "ResourceNotFoundException"

# BatchExecuteStatement: reads by whole key; each statement answers for itself.
r = ddb.batch_execute_statement(Statements=[
    {"Statement": "SELECT * FROM todos WHERE owner = 'ann' AND id = 2"},
    {"Statement": "SELECT * FROM todos WHERE owner = 'ann' AND id = 99"},
    {"Statement": "SELECT * FROM todos WHERE owner = 'ann' AND id = 3 AND attribute_exists(labels)"},
])["Responses"]
assert r[0]["Item"]["id"] == {"N": "2"} and r[0]["TableName"] == "todos", r
assert "Item" not in r[1] and "Error" not in r[1], r
assert r[2]["Error"] == {"Code": "ValidationError", "Message": "Select statements within BatchExecuteStatement must specify the primary key in the where clause."}, r
r = ddb.batch_execute_statement(Statements=[
    {"Statement": "INSERT INTO todos VALUE {'owner': 'cy', 'id': 1}"},
    {"Statement": "INSERT INTO todos VALUE {'owner': 'ann', 'id': 2}"},
])["Responses"]
assert "Error" not in r[0] and r[1]["Error"]["Code"] == "DuplicateItem", r

# ExecuteTransaction: all writes (an empty Responses list), or all reads.
r = ddb.execute_transaction(TransactStatements=[
    {"Statement": "INSERT INTO todos VALUE {'owner': 'dee', 'id': 1}"},
    {"Statement": "UPDATE todos SET status = 'done' WHERE owner = 'ann' AND id = 3"},
    {"Statement": "EXISTS(SELECT * FROM todos WHERE owner = 'ann' AND id = 2 AND status = 'done')"},
])
assert r["Responses"] == [], r
r = ddb.execute_transaction(TransactStatements=[
    {"Statement": "SELECT status FROM todos WHERE owner = 'ann' AND id = 3"},
    {"Statement": "SELECT * FROM todos WHERE owner = ? AND id = ?", "Parameters": [{"S": "dee"}, {"N": "1"}]},
])["Responses"]
assert r[0]["Item"] == {"status": {"S": "done"}} and r[1]["Item"]["owner"] == {"S": "dee"}, r
try:
    ddb.execute_transaction(TransactStatements=[
        {"Statement": "INSERT INTO todos VALUE {'owner': 'dee', 'id': 1}"},
        {"Statement": "UPDATE todos SET status = 'x' WHERE owner = 'ann' AND id = 2"},
    ])
    raise AssertionError("a duplicate INSERT cancels the transaction")
except ddb.exceptions.TransactionCanceledException as e:
    reasons = [x["Code"] for x in e.response["CancellationReasons"]]
    assert reasons == ["DuplicateItem", "None"], reasons
assert ddb.get_item(TableName="todos", Key={"owner": {"S": "ann"}, "id": {"N": "2"}})["Item"]["status"] == {"S": "done"}
code, msg = error_of(ddb.execute_transaction, TransactStatements=[
    {"Statement": "EXISTS(SELECT * FROM todos WHERE owner = 'ann' AND id = 2)"}])
assert (code, msg) == ("ValidationException", "Validation failed in TransactStatements[0]: EXISTS() must contain a single item read with additional condition"), msg

print("all checks passed")
