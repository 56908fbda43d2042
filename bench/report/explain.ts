// EXPLAIN ANALYZE for the statements the server runs on its hottest paths,
// so the report can show whether they use the indexes (and where time goes)
// on the benchmark's data rather than on the tiny test seed.
import pg from "pg";
import { ARTICLE_LIST_COLUMNS } from "../../src/article/article.loader";

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

/** `publisher { articles(first: 10) }`, `crisis { articles(first: 10) }`: a child page, batched over parents. */
const CHILD_PAGE = 10;

export interface HotSample {
  crisisId: string;
  /** A publisher with articles; without it the publisher's child page is left out. */
  publisherId?: string;
}

/**
 * Statements no benchmark shape sends, written as src/ writes them: the
 * article child pages of src/common/child-pages.ts over the `from` of
 * src/article/article.loader.ts. The shapes' own statements are not copied
 * here: the harness captures them on the wire (bench/captured-plans.ts).
 */
export function hotStatements(sample: HotSample): HotStatement[] {
  const statements: HotStatement[] = [];
  if (sample.publisherId) {
    statements.push({
      name: "child page: a publisher's newest 10 articles (window)",
      sql: childPage("publisherId"),
      params: [[sample.publisherId], CHILD_PAGE + 1],
    });
  }
  statements.push({
    name: "child page: a crisis's newest 10 articles (window)",
    sql: childPage("crisisId"),
    params: [[sample.crisisId], CHILD_PAGE + 1],
  });
  return statements;
}

/** childPageLoaders' statement for a first page (no cursor), newest first, over articleLoaders' byPublisher/byCrisis source. */
function childPage(parentColumn: "publisherId" | "crisisId"): string {
  const from = `SELECT ${ARTICLE_LIST_COLUMNS}, a."${parentColumn}" AS "parentKey" FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "Article" n WHERE n."previousVersionId" = a.id)`;
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
