// Rows read as one JSON document built by PostgreSQL, through Prisma's raw
// query. Measured on the benchmark's data, Prisma's model queries cost about
// 0.5 ms of CPU per call more than a raw one, and more per row than
// JSON.parse; the hot loaders (rows by id) and the fetch-ahead of a page's
// relations (preload.ts) read this way. Rows come out as Prisma would give
// them: the same keys, Dates for the model's date columns (db/date-columns.ts).
import type { PrismaClient } from "../db/prisma";
import { DATE_COLUMNS } from "../db/date-columns";
import { Prisma } from "../generated/prisma/client";

export type Row = Record<string, unknown>;
export type ModelName = keyof typeof DATE_COLUMNS;

/** Every model's columns (Prisma's scalar fields, which this schema names as its columns). */
export const COLUMNS = Object.fromEntries(
  Object.keys(DATE_COLUMNS).map((model) => [model, new Set(Object.values((Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`]))]),
) as unknown as Record<ModelName, ReadonlySet<string>>;

const HAS_ZONE = /(Z|[+-]\d\d:\d\d)$/;

/** Turns a row parsed from PostgreSQL's JSON into the row Prisma would return. */
export function toRow(value: Row, model: ModelName): Row {
  for (const column of DATE_COLUMNS[model]) {
    const raw = value[column];
    // timestamp(3) comes without a zone and Prisma reads it as UTC; a date ("2022-01-05") parses as UTC midnight.
    if (typeof raw === "string") value[column] = new Date(raw.length === 10 || HAS_ZONE.test(raw) ? raw : `${raw}Z`);
  }
  return value;
}

/** Every row `select` yields, as JSON built in PostgreSQL: one statement, one parse. */
export async function jsonRows<T>(prisma: PrismaClient, model: ModelName, select: string, params: unknown[]): Promise<T[]> {
  const [{ rows }] = await prisma.$queryRawUnsafe<{ rows: string }[]>(
    `SELECT coalesce(json_agg(row_to_json(t)), '[]'::json)::text AS rows FROM (${select}) t`,
    ...params,
  );
  return (JSON.parse(rows) as Row[]).map((row) => toRow(row, model) as T);
}
