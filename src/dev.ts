// `crisis-graph/dev`: what a tool beside the product (the benchmark in bench/,
// a script) needs to stand up a database and the product's data in it, without
// reaching into src/: configuration, an embedded PostgreSQL on a free port,
// migrations, a Prisma client, the seed and the reference data.
export { loadConfig, paths, type Config } from "./config";
export { freePort } from "./db/free-port";
export { applyMigrations } from "./db/migrations";
export { withPgClient } from "./db/pg-client";
export { createPrismaClient, type PrismaClient } from "./db/prisma";
export { referenceCountries } from "./db/reference-data";
export { readSeedFile, seedDatabase } from "./seed/seed.service";
export type { AffectedGroup, CasualtyCategory } from "./generated/prisma/enums";

import type { EmbeddedDatabase } from "./db/embedded-postgres";
export type { EmbeddedDatabase };

/**
 * An embedded PostgreSQL (src/db/embedded-postgres.ts), loaded on first call: the
 * embedded-postgres package is ESM-only, which Node requires but Jest's module
 * sandbox cannot, so a test file that takes any other helper from here still loads.
 */
export async function startEmbeddedPostgres(...options: Parameters<typeof import("./db/embedded-postgres").startEmbeddedPostgres>): Promise<EmbeddedDatabase> {
  const embedded = require("./db/embedded-postgres") as typeof import("./db/embedded-postgres");
  return embedded.startEmbeddedPostgres(...options);
}
