// Statements are prepared once per connection and reused by name, so
// PostgreSQL plans each SQL text once per connection, not once per request.
import { createPrismaClient, statementNamer } from "../../src/db/prisma";
import { testDatabaseUrl } from "../helpers/test-server";

const STATEMENT = "SELECT $1::int + 1 AS next";

/** Runs STATEMENT three times on a one-connection pool; what that connection then holds prepared. */
async function preparedAfterRuns(dbPreparedStatements: boolean) {
  const prisma = createPrismaClient(testDatabaseUrl(), { dbPoolMax: 1, dbPreparedStatements });
  try {
    for (const n of [1, 2, 3]) expect(await prisma.$queryRawUnsafe(STATEMENT, n)).toEqual([{ next: n + 1 }]);
    return await prisma.$queryRawUnsafe<{ name: string; statement: string }[]>("SELECT name, statement FROM pg_prepared_statements");
  } finally {
    await prisma.$disconnect();
  }
}

test("the same SQL text is prepared once on a connection and reused by its name", async () => {
  const prepared = await preparedAfterRuns(true);
  const ours = prepared.filter((row) => row.statement === STATEMENT);
  expect(ours).toHaveLength(1);
  expect(ours[0].name).toMatch(/^cg_/);
});

test("DB_PREPARED_STATEMENTS=false sends every statement unnamed (for transaction-mode poolers)", async () => {
  const prepared = await preparedAfterRuns(false);
  expect(prepared.filter((row) => row.statement === STATEMENT)).toEqual([]);
});

test("names are stable per text, distinct across texts, and stop at the limit", () => {
  const name = statementNamer(2);
  const a = name({ sql: "SELECT 1" });
  expect(name({ sql: "SELECT 1" })).toBe(a);
  const b = name({ sql: "SELECT 2" });
  expect(b).not.toBe(a);
  // A third distinct text goes unnamed: a connection never holds more than the limit.
  expect(name({ sql: "SELECT 3" })).toBeUndefined();
  expect(name({ sql: "SELECT 1" })).toBe(a);
});
