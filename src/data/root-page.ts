// The one way a root list reads a page: one statement for the page's rows (the
// filter's conditions, the keyset after the cursor, the LIMIT written into the
// SQL: pageLimitSql says why) and what the query fetches ahead below them
// (preload.ts pageSql); `totalCount`, only when asked, a count over the same
// conditions.
import type { PrismaClient } from "../db/prisma";
import type { ModelName, Row } from "./json-rows";
import { sortValue, toConnection, toPage, type ConnectionShape, type PageArgs } from "../graphql/connection";
import { cursorInstant, pageLimitSql } from "./keyset";
import { pageSql, readPage, type PagePlan } from "./preload";

/** A root list's table and order: by `sort.column` (a timestamp or a date), then id, both in `sort.direction`. */
export interface RootList {
  table: string;
  model: ModelName;
  /** The alias the conditions are written over. */
  alias: string;
  sort: { column: string; type: "timestamp" | "date"; direction: "ASC" | "DESC" };
}

/** Appends a value to the statement's parameters and returns its placeholder. */
export type Bind = (value: unknown) => string;

/**
 * An instant bound as a column of `type` compares: a timestamp column holds UTC without a zone (the
 * ISO text's zone is dropped on input), a date column the UTC day.
 */
export function bindInstant(bind: Bind, value: Date, type: "timestamp" | "date"): string {
  return `${bind(value.toISOString())}::timestamp${type === "date" ? "::date" : ""}`;
}

/** The list's order over `alias`. */
export function rootOrder(list: RootList, alias = list.alias): string {
  const { column, direction } = list.sort;
  return `${alias}."${column}" ${direction}, ${alias}.id ${direction}`;
}

const whereSql = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

/**
 * One page of `list`: `conditions` (written over `list.alias`, values through `bind`) select the rows,
 * `plan` the columns and what is fetched ahead below them.
 */
export async function readRootPage<T extends { id: string }>(
  prisma: PrismaClient,
  list: RootList,
  plan: PagePlan,
  args: PageArgs,
  conditions: (bind: Bind) => string[],
): Promise<ConnectionShape<T>> {
  const page = toPage(args);
  const params: unknown[] = [];
  const bind: Bind = (value) => `$${params.push(value)}`;
  const filter = conditions(bind);
  const filterParams = [...params];
  const { table, alias, sort } = list;
  const countTotal = async () => {
    const [{ total }] = await prisma.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${table} ${alias} ${whereSql(filter)}`, ...filterParams);
    return total;
  };
  const onPage = [...filter];
  if (page.after) {
    const after = `(${bindInstant(bind, cursorInstant(page.after), sort.type)}, ${bind(page.after.id)}::uuid)`;
    onPage.push(`(${alias}."${sort.column}", ${alias}.id) ${sort.direction === "ASC" ? ">" : "<"} ${after}`);
  }
  const source = `SELECT * FROM ${table} ${alias} ${whereSql(onPage)} ORDER BY ${rootOrder(list)} LIMIT ${pageLimitSql(page)}`;
  const [{ page: pageJson }] = await prisma.$queryRawUnsafe<{ page: string }[]>(pageSql(plan, source, rootOrder(list, "p")), ...params);
  const rows = readPage(plan, pageJson, list.model) as unknown as T[];
  return toConnection(rows, page, (row) => sortValue((row as unknown as Row)[sort.column]), countTotal);
}
