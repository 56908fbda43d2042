// prisma/migrations and prisma/schema.prisma agree, and every migration is applied.
import fs from "node:fs";
import path from "node:path";
import { seedDatabase } from "../../src/seed/seed.service";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test("schema.prisma has no change without a migration (else: npm run db:migration -- <name>)", () => {
  expect(process.env.CRISIS_GRAPH_PENDING_MIGRATION_SQL).toBe("");
});

test("every migration folder is recorded as applied, in order", async () => {
  const folders = fs
    .readdirSync(path.join(__dirname, "../../prisma/migrations"))
    .filter((name) => fs.existsSync(path.join(__dirname, "../../prisma/migrations", name, "migration.sql")))
    .sort();
  const applied = await server.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  expect(applied.map((row) => row.migration_name)).toEqual(folders);
});

test("loading the seed twice changes nothing", async () => {
  const before = await server.prisma.casualtyStatistic.count();
  await expect(seedDatabase(server.prisma)).resolves.toBe(false);
  expect(await server.prisma.casualtyStatistic.count()).toBe(before);
  expect(await server.prisma.article.count({ where: { headline: "Date of key allied summit on Kazakhstan crisis announced" } })).toBe(1);
});
