// Readiness: the database answers, and every migration this build ships is applied.
//
// Asked on a connection of its own beside the pool (prisma.ts ServingPool.side), not
// through the pool: with every pooled connection busy (slow statements, a locked
// table) the database is up, and a check queued behind them would time out and
// call it unreachable, so a load balancer would pull every replica at once.
import { isDatabaseBusy } from "../errors";
import { poolOf, type PrismaClient } from "./prisma";
import { readMigrations } from "./migrations";

const CHECK_TIMEOUT_MS = 2000;
const APPLIED_MIGRATIONS = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

export type Readiness = { ready: true } | { ready: false; reason: string };

// Checks asked for while one runs share its answer: a burst of probes is one statement.
const running = new WeakMap<object, Promise<Readiness>>();

export function checkReadiness(prisma: PrismaClient): Promise<Readiness> {
  let check = running.get(prisma);
  if (!check) {
    check = runCheck(prisma).finally(() => running.delete(prisma));
    running.set(prisma, check);
  }
  return check;
}

async function runCheck(prisma: PrismaClient): Promise<Readiness> {
  const expected = readMigrations().migrationDirectories.map((dir) => dir.path);
  const pool = poolOf(prisma);
  let timer: NodeJS.Timeout | undefined;
  try {
    const applied = await Promise.race([
      pool ? pool.side.query<{ migration_name: string }>(APPLIED_MIGRATIONS).then((result) => result.rows) : prisma.$queryRawUnsafe<{ migration_name: string }[]>(APPLIED_MIGRATIONS),
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
    // The server is up but has no connection slot left (too_many_connections).
    if (isDatabaseBusy(error)) return { ready: false, reason: "database busy: no connection slot" };
    return { ready: false, reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
