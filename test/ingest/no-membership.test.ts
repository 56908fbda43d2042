// A page that names a country as a participant in an alliance's operation, or
// a chair, makes no membership or chairmanship: those are reference data and
// what a user records (src/organization), never a reading of the news. On an
// empty migrated database, with a paragraph written for this test.
import { loadConfig } from "../../src/config";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { ingestPage } from "../../src/ingest/ingest.service";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";

const PAGE = [
  "Uzbek troops join CSTO drills near the Afghan border",
  "",
  "TASHKENT, March 3, 2031 (Steppe Wire) - Uzbekistan sent 200 troops alongside the CSTO force for a week of exercises near Termez, the defence ministry said on Monday.",
  "",
  "Kyrgyzstan, which chairs the alliance this year, welcomed the Uzbek contingent, and officials in Tashkent said the country would take part in further joint operations with the bloc's members.",
].join("\n");

let database: EmptyDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createEmptyDatabase("no_membership");
  prisma = createPrismaClient(database.url, loadConfig({}));
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const history = () => Promise.all([prisma.membership.count(), prisma.chairmanship.count(), prisma.organization.count({ where: { acronym: "CSTO" } })]);

test("ingesting a page about Uzbek troops with the CSTO force adds no membership or chairmanship", async () => {
  const before = await history();
  const result = await ingestPage(prisma, { text: PAGE, publisher: "Steppe Wire" });
  expect(result.status).toBe("CREATED");
  // The page is stored and read (it is about the CSTO and Uzbekistan) ...
  const article = await prisma.article.findUniqueOrThrow({ where: { id: result.articleId }, include: { mentionedCountries: { include: { country: true } } } });
  expect(article.mentionedCountries.map((mention) => mention.country.isoCode)).toContain("UZ");
  // ... and the alliance's history is what it was: Uzbekistan no member in 2031, no chair recorded for Kyrgyzstan.
  expect(await history()).toEqual(before);
  const uzbekistan = await prisma.membership.findMany({ where: { country: { isoCode: "UZ" }, organization: { acronym: "CSTO" } }, orderBy: { from: "asc" } });
  expect(uzbekistan.map((membership) => membership.to)).toEqual([new Date("1999-04-20"), new Date("2012-06-28")]);
});
