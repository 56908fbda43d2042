// The two ways of reading many parents' pages in one statement (a window
// over every child, or a LATERAL page per parent where an index allows) must
// give the same pages, cursors included.
import { childPageLoaders } from "../../src/data/child-pages";
import { ARTICLE_LIST_COLUMNS } from "../../src/article/article.loader";
import { loadConfig } from "../../src/config";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { testDatabaseUrl } from "../helpers/test-server";

let prisma: PrismaClient;
let crises: SyntheticCrisis[];
beforeAll(async () => {
  prisma = createPrismaClient(testDatabaseUrl(), loadConfig({ NODE_ENV: "test" }));
  crises = [await createSyntheticCrisis(prisma, { articles: 40, tag: "pages-a" }), await createSyntheticCrisis(prisma, { articles: 7, tag: "pages-b" })];
});
afterAll(async () => {
  for (const crisis of crises) await crisis.remove();
  await prisma.$disconnect();
});

const source = {
  from: `SELECT ${ARTICLE_LIST_COLUMNS}, a."crisisId" AS "parentKey" FROM "Article" a`,
  sortColumn: "publishedAt",
  sortType: "timestamp",
  direction: "DESC",
} as const;

test("window and LATERAL statements give the same pages for several parents, first and after a cursor", async () => {
  const options = { maxBatchSize: 100 };
  const parents = [...crises.map((crisis) => crisis.crisisId), "00000000-0000-4000-8000-000000000000"];
  const pages = async (indexedPerParent: boolean, after: { sort: string; id: string } | null) => {
    const loaders = childPageLoaders<{ id: string; publishedAt: Date }>(prisma, { ...source, indexedPerParent }, options);
    return Promise.all(parents.map((parent) => loaders.page({ take: 10, after }).load(parent)));
  };
  const first = await pages(false, null);
  expect(await pages(true, null)).toEqual(first);
  expect(first.map((page) => page.length)).toEqual([11, 7, 0]); // take + 1, to know whether there is more
  const last = first[0][9];
  const cursor = { sort: last.publishedAt.toISOString(), id: last.id };
  const second = await pages(false, cursor);
  expect(await pages(true, cursor)).toEqual(second);
  expect(second[0][0].id).not.toBe(last.id);
});
