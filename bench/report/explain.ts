// EXPLAIN ANALYZE for the statements the server runs on its hottest paths,
// so the report can show whether they use the indexes (and where time goes)
// on the benchmark's data rather than on the tiny test seed.
import pg from "pg";

export interface HotStatement {
  name: string;
  sql: string;
  params?: unknown[];
}

export interface ExplainedStatement {
  name: string;
  sql: string;
  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) output, one plan node per line. */
  plan: string;
  /** Any index, index-only or bitmap index scan in the plan. */
  usesIndex: boolean;
  /** Tables read by sequential scan: the usual sign of a missing index. */
  seqScans: string[];
  planningMs: number;
  executionMs: number;
  /** Planning + execution, as PostgreSQL reports them (no network or driver time). */
  totalMs: number;
}

export interface ExplainOptions {
  /** Run each statement once before explaining it, so the plan shows warm-cache timings (default true). */
  warmUp?: boolean;
}

export async function explainHotStatements(
  databaseUrl: string,
  statements: HotStatement[],
  options: ExplainOptions = {},
): Promise<ExplainedStatement[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const explained: ExplainedStatement[] = [];
    for (const statement of statements) {
      const params = statement.params ?? [];
      // The bench measures a warm server; a cold first read would blame the disk, not the plan.
      if (options.warmUp ?? true) await client.query(statement.sql, params);
      const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${statement.sql}`, params);
      const plan = result.rows.map((row) => row["QUERY PLAN"]).join("\n");
      const planningMs = timing(plan, "Planning Time");
      const executionMs = timing(plan, "Execution Time");
      explained.push({
        name: statement.name,
        sql: statement.sql,
        plan,
        usesIndex: /\b(?:Index Scan|Index Only Scan|Bitmap Index Scan)\b/.test(plan),
        seqScans: [...new Set([...plan.matchAll(/Seq Scan on "?([\w$]+)"?/g)].map((match) => match[1]))],
        planningMs,
        executionMs,
        totalMs: planningMs + executionMs,
      });
    }
    return explained;
  } finally {
    await client.end();
  }
}

function timing(plan: string, label: string): number {
  const match = new RegExp(`${label}: ([\\d.]+) ms`).exec(plan);
  return match ? Number(match[1]) : 0;
}

// ---------------------------------------------------------------- the statements

/**
 * Scalar columns in the order Prisma selects them (schema order); enums are
 * read as `::text`. test/bench/report.test.ts checks them against the database.
 */
export const PRISMA_COLUMNS = {
  Article: [
    "id", "publisherId", "crisisId", "url", "contentHash", "headline", "alternativeHeadline", "section", "byline", "language",
    "publishedAt", "publishedText", "body", "previousVersionId", "createdAt", "updatedAt",
  ],
  Publisher: ["id", "name", "url", "copyrightHolder", "countryId", "createdAt"],
  Event: [
    "id", "crisisId", "articleId", "type::text", "title", "description", "startDate", "endDate", "datePrecision::text", "dateText",
    "quote", "quoteStart", "quoteEnd", "confidence", "reviewStatus::text", "createdAt",
  ],
  CasualtyStatistic: [
    "id", "crisisId", "articleId", "claimantId", "placeId", "category::text", "affectedGroup::text", "affectedGroupText",
    "qualifier::text", "figureText", "low", "best", "high", "reportedAt", "quote", "quoteStart", "quoteEnd", "confidence",
    "reviewStatus::text", "reviewedAt", "reviewedBy", "reviewNote", "correctionOfId", "createdAt",
  ],
} as const satisfies Record<string, readonly string[]>;

/** Prisma's `SELECT "public"."T"."col", … FROM "public"."T"`. */
function prismaSelect(table: keyof typeof PRISMA_COLUMNS): string {
  const qualified = `"public"."${table}"`;
  const columns = PRISMA_COLUMNS[table].map((column) => {
    const [name, cast] = column.split("::");
    return `${qualified}."${name}"${cast ? `::${cast}` : ""}`;
  });
  return `SELECT ${columns.join(", ")} FROM ${qualified}`;
}

const ARTICLE = `"public"."Article"`;
// `nextVersion: null` (hide revised pages): Prisma writes the one-to-one back relation as an anti-join.
const LATEST_VERSIONS = `LEFT JOIN ${ARTICLE} AS "j0" ON ("j0"."previousVersionId") = (${ARTICLE}."id")`;
const NEWEST_FIRST = `ORDER BY ${ARTICLE}."publishedAt" DESC, ${ARTICLE}."id" DESC`;

/** Root page sizes in the shapes; findPage fetches one more row to learn hasNextPage. */
const PAGE = 50;
const BIG_PAGE = 100;
/** `publisher { articles(first: 10) }`: a child page, batched over parents by one window query. */
const CHILD_PAGE = 10;

export interface HotSample {
  /** Ids of existing articles: by-id looks up the first; the batched statements take up to 100. */
  articleIds: string[];
  crisisId: string;
  /** A publisher with articles; without it the publisher statements are left out. */
  publisherId?: string;
  /** The filtered shape's publication window [from, to); defaults to January 2022 (the seed crisis). */
  publishedFrom?: string;
  publishedTo?: string;
}

/**
 * The SQL our server sends for the benchmark shapes, as Prisma and
 * src/common/child-pages.ts write it (captured from the query log of a
 * running server): same columns, joins, placeholders and LIMIT/OFFSET
 * parameters, so PostgreSQL plans them as it does under load.
 */
export function hotStatements(sample: HotSample): HotStatement[] {
  const from = sample.publishedFrom ?? "2022-01-01T00:00:00.000Z";
  const to = sample.publishedTo ?? "2022-02-01T00:00:00.000Z";
  const ids = (sample.articleIds.length > 0 ? sample.articleIds : ["00000000-0000-4000-8000-000000000000"]).slice(0, BIG_PAGE);
  const pageIds = ids.slice(0, PAGE);
  const list = (first: number, count: number) => Array.from({ length: count }, (_, i) => `$${first + i}`).join(",");
  // A cursor in the middle of the window, as the second page of the filtered shape would send.
  const cursorTime = new Date((Date.parse(from) + Date.parse(to)) / 2).toISOString();
  const newestPage = `${prismaSelect("Article")} ${LATEST_VERSIONS} WHERE ("j0"."previousVersionId" IS NULL) ${NEWEST_FIRST} LIMIT $1 OFFSET $2`;

  const statements: HotStatement[] = [
    {
      // article(id) → loaders.article.byId, one key per request.
      name: "by-id: article by id",
      sql: `${prismaSelect("Article")} WHERE ${ARTICLE}."id" IN ($1) OFFSET $2`,
      params: [ids[0], 0],
    },
    {
      name: "flat-50, nested-2, nested-3: newest 50 articles",
      sql: newestPage,
      params: [PAGE + 1, 0],
    },
    {
      name: "page-100: newest 100 articles",
      sql: newestPage,
      params: [BIG_PAGE + 1, 0],
    },
    {
      // The filter order is articleWhere()'s: publishedAt, publisherId, crisisId, …, nextVersion.
      name: "filtered: a crisis in a publication window",
      sql:
        `${prismaSelect("Article")} ${LATEST_VERSIONS} WHERE (${ARTICLE}."publishedAt" >= $1 AND ${ARTICLE}."publishedAt" < $2 ` +
        `AND ${ARTICLE}."crisisId" = $3 AND ("j0"."previousVersionId" IS NULL)) ${NEWEST_FIRST} LIMIT $4 OFFSET $5`,
      params: [from, to, sample.crisisId, PAGE + 1, 0],
    },
    {
      // keyset(): the next page is an OR on (publishedAt, id), not an OFFSET.
      name: "filtered: the same, page after a cursor",
      sql:
        `${prismaSelect("Article")} ${LATEST_VERSIONS} WHERE (${ARTICLE}."publishedAt" >= $1 AND ${ARTICLE}."publishedAt" < $2 ` +
        `AND ${ARTICLE}."crisisId" = $3 AND ("j0"."previousVersionId" IS NULL) ` +
        `AND (${ARTICLE}."publishedAt" < $4 OR (${ARTICLE}."publishedAt" = $5 AND ${ARTICLE}."id" < $6))) ${NEWEST_FIRST} LIMIT $7 OFFSET $8`,
      params: [from, to, sample.crisisId, cursorTime, cursorTime, ids[0], PAGE + 1, 0],
    },
    {
      // _entities → loaders.article.byId with every representation in one batch.
      name: `entities-100: ${ids.length} articles by id`,
      sql: `${prismaSelect("Article")} WHERE ${ARTICLE}."id" IN (${list(1, ids.length)}) OFFSET $${ids.length + 1}`,
      params: [...ids, 0],
    },
    {
      name: `nested-2, nested-3: events of ${pageIds.length} articles`,
      sql:
        `${prismaSelect("Event")} WHERE "public"."Event"."articleId" IN (${list(1, pageIds.length)}) ` +
        `ORDER BY "public"."Event"."startDate" ASC, "public"."Event"."endDate" ASC, "public"."Event"."createdAt" ASC, "public"."Event"."id" ASC ` +
        `OFFSET $${pageIds.length + 1}`,
      params: [...pageIds, 0],
    },
    {
      name: `nested-3: casualty claims of ${pageIds.length} articles`,
      sql: `${prismaSelect("CasualtyStatistic")} WHERE "public"."CasualtyStatistic"."articleId" IN (${list(1, pageIds.length)}) OFFSET $${pageIds.length + 1}`,
      params: [...pageIds, 0],
    },
  ];
  if (sample.publisherId) {
    statements.push(
      {
        name: "nested-2, nested-3, entities-100, filtered: publishers by id",
        sql: `${prismaSelect("Publisher")} WHERE "public"."Publisher"."id" IN ($1) OFFSET $2`,
        params: [sample.publisherId, 0],
      },
      {
        name: "child page: a publisher's newest 10 articles (window)",
        sql: childPage(`SELECT a.*, a."publisherId" AS "parentKey" FROM "Article" a`),
        params: [[sample.publisherId], CHILD_PAGE + 1],
      },
    );
  }
  statements.push({
    name: "child page: a crisis's newest 10 articles (window)",
    sql: childPage(`SELECT a.*, a."crisisId" AS "parentKey" FROM "Article" a`),
    params: [[sample.crisisId], CHILD_PAGE + 1],
  });
  return statements;
}

/** childPageLoaders' statement for a first page (no cursor), newest first. */
function childPage(from: string): string {
  return `SELECT * FROM (
  SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s."parentKey" ORDER BY s."publishedAt" DESC, s.id DESC) AS "rowNumber"
  FROM (${from}) s
  WHERE s."parentKey" = ANY($1::uuid[])
) numbered
WHERE numbered."rowNumber" <= $2
ORDER BY numbered."rowNumber"`;
}

// ---------------------------------------------------------------- Markdown

export function renderPlans(plans: ExplainedStatement[], options: { title?: string } = {}): string {
  const out = [`## ${options.title ?? "Query plans of the hot statements"}`, ""];
  out.push("`EXPLAIN (ANALYZE, BUFFERS)` on the benchmark database, warm cache. Times are PostgreSQL's planning + execution only.", "");
  out.push("| Statement | Index | Seq scans | Planning ms | Execution ms |", "| --- | :-: | --- | ---: | ---: |");
  for (const p of plans) {
    out.push(
      `| ${p.name} | ${p.usesIndex ? "✅" : "❌"} | ${p.seqScans.length > 0 ? p.seqScans.map((t) => `\`${t}\``).join(", ") : "none"} | ${p.planningMs.toFixed(3)} | ${p.executionMs.toFixed(3)} |`,
    );
  }
  out.push("");
  for (const p of plans) {
    out.push(`### ${p.name}`, "");
    out.push("<details><summary>SQL</summary>", "", "```sql", p.sql, "```", "", "</details>", "");
    out.push("```text", p.plan, "```", "");
  }
  return out.join("\n");
}
