// Row counts of every table an ingestion writes to, so a test can say exactly
// what one request stored (or that it stored nothing).
import type pg from "pg";

export const INGESTION_TABLES = [
  "Article",
  "ArticleImage",
  "RelatedLink",
  "ArticlePerson",
  "ArticlePlace",
  "ArticleCountry",
  "Event",
  "EventPlace",
  "EventParticipant",
  "CasualtyStatistic",
  "Claimant",
  "Publisher",
] as const;

export type RowCounts = Record<(typeof INGESTION_TABLES)[number], number>;

/** One statement, on the test's own connection (not the server's, whose SQL a test may count). */
export async function countIngestionRows(db: pg.Client): Promise<RowCounts> {
  const sql = INGESTION_TABLES.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(", ");
  return (await db.query<RowCounts>(`SELECT ${sql}`)).rows[0];
}

/** The tables whose counts changed, with the change. */
export function rowDifference(before: RowCounts, after: RowCounts): Partial<RowCounts> {
  const changed: Partial<RowCounts> = {};
  for (const table of INGESTION_TABLES) if (after[table] !== before[table]) changed[table] = after[table] - before[table];
  return changed;
}
