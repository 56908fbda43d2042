// Rows read as JSON built by PostgreSQL must be the rows Prisma returns:
// same keys, same values, Dates where Prisma gives Dates.
import { loadConfig } from "../../src/config";
import { Loaders } from "../../src/context";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { testDatabaseUrl } from "../helpers/test-server";

let prisma: PrismaClient;
let crisis: SyntheticCrisis;
beforeAll(async () => {
  prisma = createPrismaClient(testDatabaseUrl(), loadConfig({ NODE_ENV: "test" }));
  crisis = await createSyntheticCrisis(prisma, { articles: 10, tag: "json-rows" });
});
afterAll(async () => {
  await crisis.remove();
  await prisma.$disconnect();
});

type ById = { load(id: string): Promise<unknown> };
const MODELS: [string, (p: PrismaClient) => Promise<{ id: string }[]>, (l: Loaders) => ById][] = [
  ["Article", (p) => p.article.findMany({ omit: { body: true } }), (l) => l.article.byId],
  ["Publisher", (p) => p.publisher.findMany(), (l) => l.publisher.byId],
  ["Crisis", (p) => p.crisis.findMany(), (l) => l.crisis.byId],
  ["Event", (p) => p.event.findMany(), (l) => l.event.byId],
  ["CasualtyStatistic", (p) => p.casualtyStatistic.findMany(), (l) => l.casualtyStatistic.byId],
  ["Claimant", (p) => p.claimant.findMany(), (l) => l.claimant.byId],
  ["Place", (p) => p.place.findMany(), (l) => l.place.byId],
  ["Person", (p) => p.person.findMany(), (l) => l.person.byId],
  ["Organization", (p) => p.organization.findMany(), (l) => l.organization.byId],
  ["Country", (p) => p.country.findMany(), (l) => l.country.byId],
];

test.each(MODELS)("%s by id: the same rows as Prisma's", async (_model, all, loader) => {
  const expected = await all(prisma);
  expect(expected.length).toBeGreaterThan(0);
  const loaders = new Loaders(prisma, { maxBatchSize: 1000 });
  const actual = await Promise.all(expected.map((row) => loader(loaders).load(row.id)));
  expect(actual).toEqual(expected);
});

test("an unknown id is null", async () => {
  const loaders = new Loaders(prisma, { maxBatchSize: 1000 });
  expect(await loaders.article.byId.load("00000000-0000-4000-8000-000000000000")).toBeNull();
});
