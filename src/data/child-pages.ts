// Pages of children for many parents in one SQL statement: a window function
// numbers each parent's children in sort order and keeps the first `take + 1`.
// This is what keeps `publisher { articles(first: 10) }` over a page of
// publishers at one statement, instead of one per publisher.
import DataLoader from "dataloader";
import type { PrismaClient } from "../db/prisma";
import type { LoaderOptions } from "./loaders";
import { loaderFamily } from "./loaders";
import type { Page } from "../graphql/connection";
import { pageLimitSql } from "./keyset";

export interface ChildSource {
  /**
   * SQL yielding the child rows with their parent's id as "parentKey". A
   * constant written in code; never built from client input.
   */
  from: string;
  sortColumn: string;
  sortType: "timestamp" | "date";
  direction: "ASC" | "DESC";
  /**
   * An index on (parent key, sort column, id) exists: each parent's page is
   * read on its own (LATERAL … LIMIT) and stops after one page, where the
   * window numbers every child of every parent first. Only with that index:
   * without it the planner may walk the whole table in sort order instead
   * (measured in bench/results/child-page-100k.md: 0.07 ms against 172 ms).
   */
  indexedPerParent?: boolean;
}

type WithRowNumber<V> = V & { parentKey: string; rowNumber?: bigint };

export function childPageLoaders<V extends { id: string }>(prisma: PrismaClient, source: ChildSource, options: LoaderOptions) {
  const { from, sortColumn, sortType, direction } = source;
  const after = direction === "ASC" ? ">" : "<";

  const page = loaderFamily(
    (p: Page) =>
      new DataLoader<string, V[]>(
        async (parentIds) => {
          const params: unknown[] = [parentIds];
          let keyset = "";
          if (p.after) {
            params.push(p.after.sort, p.after.id);
            keyset = `AND (s."${sortColumn}", s.id) ${after} ($2::${sortType}, $3::uuid)`;
          }
          const limit = pageLimitSql(p);
          const order = (alias: string) => `${alias}."${sortColumn}" ${direction}, ${alias}.id ${direction}`;
          const rows = await prisma.$queryRawUnsafe<WithRowNumber<V>[]>(
            source.indexedPerParent
              ? `SELECT page.* FROM unnest($1::uuid[]) AS k("parentKey")
                 CROSS JOIN LATERAL (
                   SELECT s.* FROM (${from}) s WHERE s."parentKey" = k."parentKey" ${keyset} ORDER BY ${order("s")} LIMIT ${limit}
                 ) page
                 ORDER BY ${order("page")}`
              : `SELECT * FROM (
                   SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s."parentKey" ORDER BY ${order("s")}) AS "rowNumber"
                   FROM (${from}) s
                   WHERE s."parentKey" = ANY($1::uuid[]) ${keyset}
                 ) numbered
                 WHERE numbered."rowNumber" <= ${limit}
                 ORDER BY numbered."rowNumber"`,
            ...params,
          );
          const groups = new Map<string, V[]>(parentIds.map((id) => [id, []]));
          for (const { rowNumber: _rowNumber, ...row } of rows) groups.get(row.parentKey)?.push(row as unknown as V);
          return parentIds.map((id) => groups.get(id) ?? []);
        },
        { maxBatchSize: options.maxBatchSize, batch: options.batch ?? true },
      ),
  );

  const count = new DataLoader<string, number>(
    async (parentIds) => {
      const rows = await prisma.$queryRawUnsafe<{ parentKey: string; total: number }[]>(
        `SELECT s."parentKey", count(*)::int AS total FROM (${from}) s WHERE s."parentKey" = ANY($1::uuid[]) GROUP BY 1`,
        parentIds,
      );
      const totals = new Map(rows.map((row) => [row.parentKey, Number(row.total)]));
      return parentIds.map((id) => totals.get(id) ?? 0);
    },
    { maxBatchSize: options.maxBatchSize, batch: options.batch ?? true },
  );

  return { page, count };
}
