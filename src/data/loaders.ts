// Batch-function shapes every domain's loaders share. DataLoader needs results
// in key order with one entry per key; these helpers do that mapping once.
import DataLoader from "dataloader";
import type { PrismaClient } from "../db/prisma";
import { jsonRows, type ModelName, type Row } from "./json-rows";

export interface LoaderOptions {
  maxBatchSize: number;
  /** false only to benchmark what batching saves: every load is its own query, as naive resolvers do. */
  batch?: boolean;
}

/** One row (or null) per key, e.g. articles by id. */
export function rowLoader<K extends string, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
  options: LoaderOptions,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map<K, V>();
      for (const row of await fetch([...keys])) byKey.set(keyOf(row), row);
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: options.maxBatchSize, batch: options.batch ?? true },
  );
}

/** All rows per key, e.g. events by article id; the fetch decides the order. */
export function groupLoader<K extends string, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
  options: LoaderOptions,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
      for (const row of await fetch([...keys])) groups.get(keyOf(row))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: options.maxBatchSize, batch: options.batch ?? true },
  );
}

/**
 * Rows of one table by id, read as JSON (json-rows.ts): what most relations
 * and every entity reference end in, so the cheapest read there is.
 * `columns` (of the table aliased `t`) to leave some out.
 */
export function byIdLoader<V>(prisma: PrismaClient, model: ModelName, options: LoaderOptions, columns = "t.*"): DataLoader<string, V | null> {
  return rowLoader(
    (ids: string[]) => jsonRows<V>(prisma, model, `SELECT ${columns} FROM "${model}" t WHERE t.id = ANY($1::uuid[])`, [ids]),
    (row) => (row as Row).id as string,
    options,
  );
}

/**
 * Loaders whose batch also depends on field arguments (a page size, a date):
 * one DataLoader per distinct argument set, created on first use.
 */
export function loaderFamily<A, K, V>(create: (args: A) => DataLoader<K, V>): (args: A) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (args: A) => {
    const id = JSON.stringify(args);
    let loader = loaders.get(id);
    if (!loader) loaders.set(id, (loader = create(args)));
    return loader;
  };
}

/**
 * All rows per key from a hand-written SQL join, for relations Prisma would
 * answer with two statements (a join table and then the rows). The SQL takes
 * the keys as `$1::uuid[]` and yields each row's key as "parentKey"; it is a
 * constant written in code.
 */
export function sqlGroupLoader<V>(prisma: PrismaClient, sql: string, options: LoaderOptions): DataLoader<string, V[]> {
  return groupLoader<string, V & { parentKey: string }>(
    (keys) => prisma.$queryRawUnsafe<(V & { parentKey: string })[]>(sql, keys),
    (row) => row.parentKey,
    options,
  );
}
