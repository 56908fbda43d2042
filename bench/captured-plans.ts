// The statements a server really sent for each shape (captured on the wire by
// sql-counter.ts during the counting phase, with their bind parameters), run
// again under EXPLAIN ANALYZE: plans that cannot drift from src/, as copies
// of the SQL would.
import pg from "pg";
import { explainHotStatements } from "./report/explain";
import type { ScalePlan } from "./report/scale-report";
import type { BindParams } from "./sql-counter";
import type { ServerName, ShapeName } from "./types";

export interface CapturedStatement {
  server: ServerName;
  shape: ShapeName;
  sql: string;
  params: BindParams;
}

/** Estimated rows of each table (pg_class.reltuples), to tell a missing index from a tiny table. */
async function tableRows(url: string, tables: string[]): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string; rows: string }>(
      `SELECT c.relname, greatest(c.reltuples, 0)::bigint AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($1)`,
      [tables],
    );
    return new Map(rows.map((r) => [r.relname, Number(r.rows)]));
  } finally {
    await client.end();
  }
}

/** EXPLAIN ANALYZE of each distinct statement a server sent for a shape, one at a time so one failure does not hide the rest. */
export async function explainCaptured(url: string, size: string, captured: CapturedStatement[]): Promise<ScalePlan[]> {
  const plans: ScalePlan[] = [];
  const groups = new Map<string, CapturedStatement[]>();
  for (const c of captured) {
    const key = `${c.server}\u0000${c.shape}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const statements of groups.values()) {
    for (const [i, c] of statements.entries()) {
      const name = `statement ${i + 1} of ${statements.length}: ${summarise(c.sql)}`;
      const base = { server: c.server, shape: c.shape, size, name, sql: c.sql, params: c.params };
      if (c.params === null && /\$\d/.test(c.sql)) {
        plans.push({ ...base, error: "parameters sent in binary", usesIndex: false, seqScans: [], planningMs: null, executionMs: null });
        continue;
      }
      try {
        const [explained] = await explainHotStatements(url, [{ name, sql: c.sql, params: c.params ?? [] }]);
        const rows = await tableRows(url, explained.seqScans);
        plans.push({
          ...base,
          plan: explained.plan,
          usesIndex: explained.usesIndex,
          seqScans: explained.seqScans.map((table) => ({ table, rows: rows.get(table) ?? null })),
          planningMs: explained.planningMs,
          executionMs: explained.executionMs,
        });
      } catch (error) {
        plans.push({ ...base, error: (error as Error).message.split("\n")[0], usesIndex: false, seqScans: [], planningMs: null, executionMs: null });
      }
    }
  }
  return plans;
}

/** "SELECT … FROM "Article" …": enough to tell a server's statements apart in a table. */
function summarise(sql: string): string {
  const tables = [...new Set([...sql.matchAll(/\bFROM\s+(?:"public"\.)?"?(\w+)"?/gi)].map((m) => m[1]))];
  return tables.length ? `reads ${tables.slice(0, 4).map((t) => `\`${t}\``).join(", ")}${tables.length > 4 ? ", …" : ""}` : sql.trim().split(/\s+/).slice(0, 4).join(" ");
}

/** An onStatement hook (MeasureContext) that keeps the first of each distinct statement per shape. */
export function statementCapture(server: ServerName, into: CapturedStatement[]): (shape: ShapeName, sql: string, params: BindParams) => void {
  const seen = new Set<string>();
  return (shape, sql, params) => {
    // The same statement on every request: keep the first of each text.
    const key = `${shape}\u0000${sql}`;
    if (seen.has(key)) return;
    seen.add(key);
    into.push({ server, shape, sql, params });
  };
}
