// EXPLAIN ANALYZE for statements the server runs, so the report can show
// whether they use the indexes (and where time goes) on the benchmark's data
// rather than on the tiny test seed. The statements are the ones our server
// sent, captured on the wire (bench/captured-plans.ts): no copy of the
// product's SQL is written here, so none can drift from it.
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
