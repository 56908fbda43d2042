// Readiness: the database answers, and every migration this build ships is applied.
import type { PrismaClient } from "./prisma";
import { readMigrations } from "./migrations";

const CHECK_TIMEOUT_MS = 2000;

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function checkReadiness(prisma: PrismaClient): Promise<Readiness> {
  const expected = readMigrations().migrationDirectories.map((dir) => dir.path);
  let timer: NodeJS.Timeout | undefined;
  try {
    const applied = await Promise.race([
      prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    const names = new Set(applied.map((row) => row.migration_name));
    const missing = expected.filter((name) => !names.has(name));
    return missing.length ? { ready: false, reason: `migrations not applied: ${missing.join(", ")}` } : { ready: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // An empty database has no migrations table at all.
    if (/_prisma_migrations/.test(message) && /does not exist/.test(message)) return { ready: false, reason: "migrations not applied" };
    return { ready: false, reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
