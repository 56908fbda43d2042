// The benchmark dataset generator against a real PostgreSQL (the run's empty,
// migrated bench database): deterministic, internally consistent, and `replace`
// swaps only generated rows.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ARTICLES_PER_SIZE, CRISIS_SLUG_PREFIX, datasetArticleId, generateDataset, removeDataset } from "../dataset/generate";
import type { DatasetSummary } from "../dataset/generate";

const databaseUrl = process.env.CRISIS_GRAPH_BENCH_DATABASE_URL as string;

const TABLES = [
  "Country", "Crisis", "Publisher", "Place", "Person", "Claimant", "Article", "ArticleImage", "RelatedLink", "ArticlePerson", "ArticlePlace",
  "ArticleCountry", "Event", "EventPlace", "EventParticipant", "CasualtyStatistic", "Organization", "Membership",
];

// Rows that are not generated (as the seed's real crisis would be): replace must leave them alone.
const sentinel = { crisisId: randomUUID(), publisherId: randomUUID(), articleId: randomUUID(), placeId: randomUUID(), tag: `not-generated-${process.pid}` };

let client: pg.Client;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: number }>(sql, params);
  return rows[0].n;
}

/** Row count and an md5 of every row's text, per table: equal digests, equal contents. */
async function digests(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await client.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    result[table] = `${rows[0].n}:${rows[0].digest}`;
  }
  return result;
}

const withoutTime = (summary: DatasetSummary) => ({ ...summary, seconds: 0 });

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`INSERT INTO "Crisis" (id, slug, name) VALUES ($1, $2, 'Sentinel crisis')`, [sentinel.crisisId, sentinel.tag]);
  await client.query(`INSERT INTO "Publisher" (id, name) VALUES ($1, $2)`, [sentinel.publisherId, sentinel.tag]);
  await client.query(`INSERT INTO "Place" (id, name, kind) VALUES ($1, $2, 'CITY')`, [sentinel.placeId, sentinel.tag]);
  await client.query(
    `INSERT INTO "Article" (id, "publisherId", "crisisId", "contentHash", headline, "publishedAt", body, "updatedAt")
     VALUES ($1, $2, $3, $4, 'Sentinel', '2022-01-09', 'Sentinel body.', '2022-01-09')`,
    [sentinel.articleId, sentinel.publisherId, sentinel.crisisId, sentinel.tag],
  );
});

afterAll(async () => {
  await removeDataset({ databaseUrl });
  await client.query(`DELETE FROM "Article" WHERE id = $1`, [sentinel.articleId]);
  await client.query(`DELETE FROM "Crisis" WHERE id = $1`, [sentinel.crisisId]);
  await client.query(`DELETE FROM "Publisher" WHERE id = $1`, [sentinel.publisherId]);
  await client.query(`DELETE FROM "Place" WHERE id = $1`, [sentinel.placeId]);
  await client.end();
});

describe("synthetic dataset generator", () => {
  let first: DatasetSummary;

  it("gives the same rows for the same size and seed", async () => {
    first = await generateDataset({ databaseUrl, size: "smoke", seed: 7, replace: true });
    const before = await digests();
    const again = await generateDataset({ databaseUrl, size: "smoke", seed: 7, replace: true });
    expect(withoutTime(again)).toEqual(withoutTime(first));
    expect(await digests()).toEqual(before);

    expect(first.articles).toBe(ARTICLES_PER_SIZE.smoke);
    expect(first.events).toBeGreaterThanOrEqual(2 * first.articles);
    expect(first.events).toBeLessThanOrEqual(5 * first.articles);
    expect(first.casualtyStatistics).toBeGreaterThanOrEqual(first.articles);
    expect(first.casualtyStatistics).toBeLessThanOrEqual(4 * first.articles);
    expect(first.crises).toBeGreaterThanOrEqual(2);
    expect(first.countries).toBe(20);
    expect(first.claimants).toBe(40);
    expect(first.sample.articleIds).toHaveLength(ARTICLES_PER_SIZE.smoke);
    expect(first.sample.articleIds[3]).toBe(datasetArticleId(7, 3));
  });

  it("writes what the summary says, with ids the sample can use", async () => {
    const generated = `SELECT id FROM "Crisis" WHERE starts_with(slug, '${CRISIS_SLUG_PREFIX}')`;
    expect(await count(`SELECT count(*)::int AS n FROM "Crisis" WHERE starts_with(slug, $1)`, [CRISIS_SLUG_PREFIX])).toBe(first.crises);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE "crisisId" IN (${generated})`)).toBe(first.articles);
    expect(await count(`SELECT count(*)::int AS n FROM "Event" WHERE "crisisId" IN (${generated})`)).toBe(first.events);
    expect(await count(`SELECT count(*)::int AS n FROM "CasualtyStatistic" WHERE "crisisId" IN (${generated})`)).toBe(first.casualtyStatistics);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE id = ANY($1::uuid[])`, [first.sample.articleIds])).toBe(first.sample.articleIds.length);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE "crisisId" = $1`, [first.sample.crisisId])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE "publisherId" = $1`, [first.sample.publisherId])).toBeGreaterThan(0);
    // Every article mentions 1-3 people and places; contentHash and url are unique.
    expect(
      await count(`SELECT count(*)::int AS n FROM "Article" a WHERE a."crisisId" IN (${generated})
        AND NOT ((SELECT count(*) FROM "ArticlePerson" x WHERE x."articleId" = a.id) BETWEEN 1 AND 3
             AND (SELECT count(*) FROM "ArticlePlace" x WHERE x."articleId" = a.id) BETWEEN 1 AND 3)`),
    ).toBe(0);
    expect(await count(`SELECT count(DISTINCT url)::int AS n FROM "Article" WHERE "crisisId" IN (${generated})`)).toBe(first.articles);
    // Some claims no longer stand (casualtySummary must skip them as a latest figure); most do.
    const standing = await count(`SELECT count(*)::int AS n FROM "CasualtyStatistic" WHERE status IN ('CURRENT', 'DISPUTED') AND "crisisId" IN (${generated})`);
    expect(standing).toBeLessThan(first.casualtyStatistics);
    expect(standing).toBeGreaterThan(first.casualtyStatistics / 2);
    // What the bench's list shapes read: events with places, and organisations with a membership history (bench/shapes.ts).
    expect(await count(`SELECT count(DISTINCT "eventId")::int AS n FROM "EventPlace"`)).toBeGreaterThan(first.events / 2);
    expect(await count(`SELECT count(*)::int AS n FROM "Organization" WHERE name LIKE 'Synthetic %'`)).toBe(3);
    expect(
      await count(`SELECT count(*)::int AS n FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId" WHERE o.name LIKE 'Synthetic %'`),
    ).toBeGreaterThan(20);
  });

  it("quotes are exact slices of the body, and figures and dates are consistent", async () => {
    // substr counts from 1; the offsets are 0-based and end-exclusive, as in the seed.
    expect(
      await count(`SELECT count(*)::int AS n FROM "CasualtyStatistic" c JOIN "Article" a ON a.id = c."articleId"
        WHERE substr(a.body, c."quoteStart" + 1, c."quoteEnd" - c."quoteStart") <> c.quote`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM "Event" e JOIN "Article" a ON a.id = e."articleId"
        WHERE e.quote IS NOT NULL AND substr(a.body, e."quoteStart" + 1, e."quoteEnd" - e."quoteStart") <> e.quote`),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "CasualtyStatistic" WHERE NOT (0 <= low AND low <= best AND (high IS NULL OR best <= high))`)).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM "CasualtyStatistic" c JOIN "Article" a ON a.id = c."articleId" WHERE c."reportedAt" <> a."publishedAt"::date`),
    ).toBe(0);
    // The casualty figure is printed in the quote, and the claim belongs to its article's crisis.
    expect(
      await count(`SELECT count(*)::int AS n FROM "CasualtyStatistic" c JOIN "Article" a ON a.id = c."articleId"
        WHERE position(lower(c."figureText") in lower(c.quote)) = 0 OR c."crisisId" <> a."crisisId"`),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Event" WHERE "startDate" > "endDate"`)).toBe(0);
    // Event places lie in the crisis's country.
    expect(
      await count(`SELECT count(*)::int AS n FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" JOIN "Crisis" c ON c.id = e."crisisId"
        JOIN "Place" p ON p.id = ep."placeId" WHERE p."countryId" IS DISTINCT FROM c."countryId"`),
    ).toBe(0);
    // Published within the crisis's dates.
    expect(
      await count(`SELECT count(*)::int AS n FROM "Article" a JOIN "Crisis" c ON c.id = a."crisisId"
        WHERE starts_with(c.slug, $1) AND a."publishedAt"::date NOT BETWEEN c."startDate" AND c."endDate"`, [CRISIS_SLUG_PREFIX]),
    ).toBe(0);
  });

  it("a different seed gives different data, replacing the old run and nothing else", async () => {
    const before = await digests();
    const other = await generateDataset({ databaseUrl, size: "smoke", seed: 8, replace: true });
    const after = await digests();
    expect(after.Article).not.toEqual(before.Article);
    expect(after.CasualtyStatistic).not.toEqual(before.CasualtyStatistic);
    expect(other.sample.articleIds[0]).not.toBe(first.sample.articleIds[0]);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE id = ANY($1::uuid[])`, [first.sample.articleIds])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Crisis" WHERE starts_with(slug, $1) AND slug NOT LIKE '%-s8-%'`, [CRISIS_SLUG_PREFIX])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE "crisisId" = $1`, [sentinel.crisisId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM "Place" WHERE id = $1`, [sentinel.placeId])).toBe(1);
  });

  it("refuses to add a second dataset without replace", async () => {
    await expect(generateDataset({ databaseUrl, size: "smoke", seed: 9 })).rejects.toThrow(/already present/);
    // The failed run rolled back: the seed-8 dataset is still the only one.
    expect(await count(`SELECT count(*)::int AS n FROM "Crisis" WHERE starts_with(slug, $1) AND slug NOT LIKE '%-s8-%'`, [CRISIS_SLUG_PREFIX])).toBe(0);
  });

  it("removes the dataset and leaves other rows", async () => {
    expect(await removeDataset({ databaseUrl })).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Crisis" WHERE starts_with(slug, $1)`, [CRISIS_SLUG_PREFIX])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Person" WHERE description LIKE '%(synthetic)'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Article" WHERE id = $1`, [sentinel.articleId])).toBe(1);
  });
});
