// Issue #12, part 6: the seed's page read through `npm run ingest` twice into
// an empty migrated database gives its five claims once each; `npm start` on
// that database afterwards loads the rest of the demo seed around it and adds
// no second copy of the page or its claims.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { freePort } from "../../src/db/free-port";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { ALLIANCE_FILES } from "../../src/organization/reference-alliances";
import { ensureBuilt, root } from "../helpers/build";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";

const PAGE = path.join(root, "test/fixtures/rt-2022-01-09-csto-summit-kazakhstan.txt");
const seed = JSON.parse(fs.readFileSync(path.join(root, "prisma/seed/kazakhstan-2022.json"), "utf8"));
let database: EmptyDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  ensureBuilt("dist/src/main.js", ["src"]);
  database = await createEmptyDatabase("seed_page_cli");
  prisma = createPrismaClient(database.url, loadConfig({}));
}, 120_000);
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const claims = () =>
  prisma.casualtyStatistic.findMany({ select: { figureText: true, category: true, claimant: { select: { name: true } } } }).then((rows) =>
    rows.map((c) => `${c.category} ${c.figureText} (${c.claimant.name})`).sort(),
  );
const seedClaims = (seed.articles[0].casualtyStatistics as { category: string; figureText: string; claimant: string }[]).map((c) => `${c.category} ${c.figureText} (${c.claimant})`).sort();

test("npm run ingest twice: the page once, its five claims once each", () => {
  const env = { ...process.env, DATABASE_URL: database.url };
  const first = spawnSync(process.execPath, [path.join(root, "dist/src/ingest/cli.js"), PAGE], { cwd: root, env, encoding: "utf8" });
  expect(first.status).toBe(0);
  expect(first.stdout).toMatch(/CREATED .*: 5 claims/);
  const second = spawnSync(process.execPath, [path.join(root, "dist/src/ingest/cli.js"), PAGE], { cwd: root, env, encoding: "utf8" });
  expect(second.status).toBe(0);
  expect(second.stdout).toMatch(/UNCHANGED/);
}, 60_000);

test("the claims are the seed's reading of the page", async () => {
  expect(await prisma.article.count()).toBe(1);
  expect(await claims()).toEqual(seedClaims);
  expect(seedClaims).toHaveLength(5);
});

test("npm start afterwards loads the demo seed around the page and adds no second copy", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "dist/src/main.js")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: "warn", NODE_ENV: "test" },
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error("server not ready within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
  expect(await prisma.article.count()).toBe(1);
  expect(await claims()).toEqual(seedClaims);
  // The rest of the seed is in: its crisis. The CSTO's members are the reference data's, once (the seed has none).
  expect(await prisma.crisis.count({ where: { slug: "kazakhstan-unrest-2022" } })).toBe(1);
  expect(seed.memberships).toEqual([]);
  expect(await prisma.membership.count()).toBe(ALLIANCE_FILES["csto.json"].memberships.length);
  // Its places are the reference ones: one Almaty.
  expect(await prisma.place.count({ where: { name: "Almaty", kind: "CITY", geonameId: 1526384 } })).toBe(1);
}, 90_000);
