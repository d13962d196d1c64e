// Create a todo in the table named by the TABLE environment variable.
// The AWS SDK v3 honours AWS_ENDPOINT_URL, so the same code talks to AWS and to
// gatekit's local emulator.
import { randomUUID } from "node:crypto";
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({});
const THIRTY_DAYS = 30 * 24 * 3600;

// A proxy integration answers for itself: CORS headers come from here.
const reply = (statusCode, body, headers = {}) => ({
  statusCode,
  headers: { "content-type": "application/json", "access-control-allow-origin": "*", ...headers },
  body: JSON.stringify(body),
});

export const handler = async (event) => {
  let input;
  try {
    input = JSON.parse(event.body ?? "{}");
  } catch {
    return reply(400, { message: "the body must be JSON" });
  }
  if (typeof input.owner !== "string" || typeof input.title !== "string" || !input.owner || !input.title) {
    return reply(400, { message: "pass {\"owner\": \"...\", \"title\": \"...\"}" });
  }
  const now = Math.floor(Date.now() / 1000);
  const todo = {
    owner: input.owner,
    id: randomUUID(),
    title: input.title,
    status: "open",
    due: Number.isFinite(input.due) ? input.due : now + 7 * 24 * 3600,
    expires_at: now + THIRTY_DAYS,
  };
  await client.send(
    new PutItemCommand({
      TableName: process.env.TABLE,
      Item: {
        owner: { S: todo.owner },
        id: { S: todo.id },
        title: { S: todo.title },
        status: { S: todo.status },
        due: { N: String(todo.due) },
        expires_at: { N: String(todo.expires_at) },
      },
      ConditionExpression: "attribute_not_exists(id)",
    }),
  );
  // API_URL is the stage's URL (`${apis.todo_api.url}` in gatekit.yaml).
  const location = `${process.env.API_URL}/todos/${todo.id}?owner=${encodeURIComponent(todo.owner)}`;
  return reply(201, todo, { location });
};
