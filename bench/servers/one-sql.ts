// The ceiling of the benchmark: a minimal node:http server that answers each
// shape with one SQL statement building the whole JSON response inside
// PostgreSQL. No GraphQL, no ORM, no JSON work in Node.
//   POST /shape/<name>  body {"params": [...]}  →  {"data": ...}
//   GET  /healthz
//   DATABASE_URL=... PORT=... node dist/servers/one-sql.js
import http from "node:http";
import pg from "pg";
import { SHAPE_NAMES, type ShapeName } from "../types";
import { ONE_SQL_STATEMENTS } from "./one-sql-statements";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error("DATABASE_URL is required");
const port = Number(process.env.PORT ?? 4100);
const host = process.env.HOST ?? "127.0.0.1";
const pool = new pg.Pool({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) });
const MAX_BODY = 1 << 20;

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function answer(shape: ShapeName, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { params } = JSON.parse(await readBody(req)) as { params?: unknown[] };
  if (!Array.isArray(params)) return send(res, 400, JSON.stringify({ errors: [{ message: "params must be an array" }] }));
  // A named statement: parsed and planned once per connection, as a hand-tuned server would.
  const result = await pool.query<{ body: string }>({ name: shape, text: ONE_SQL_STATEMENTS[shape], values: params });
  send(res, 200, result.rows[0].body);
}

const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === "/healthz") return send(res, 200, '{"status":"ok"}');
  const shape = url.startsWith("/shape/") ? (url.slice(7) as ShapeName) : undefined;
  if (req.method !== "POST" || !shape || !SHAPE_NAMES.includes(shape)) return send(res, 404, '{"errors":[{"message":"not found"}]}');
  answer(shape, req, res).catch((error: unknown) => {
    console.error("[one-sql]", error);
    if (!res.headersSent) send(res, 500, JSON.stringify({ errors: [{ message: String(error) }] }));
  });
});

server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`[one-sql] ready at http://${host}:${port}`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
