// The SQL half of cursor pagination (the GraphQL half, arguments, cursors and
// connections, is graphql/connection.ts): a page's LIMIT written into the
// statement, and the keyset that continues after a cursor.
import { badInput } from "../errors";
import { MAX_PAGE_SIZE, sortValue, toConnection, toPage, type ConnectionShape, type CursorKey, type Page, type PageArgs } from "../graphql/connection";

/**
 * The LIMIT of a page's statement (`take + 1`, to learn whether a next page
 * exists), written into the SQL rather than bound: for a bound limit
 * PostgreSQL's generic plan cannot tell a page from the whole table, so it
 * planned those statements anew on every execution. Checked again here
 * because it becomes SQL text.
 */
export function pageLimitSql(page: Page): string {
  if (!Number.isInteger(page.take) || page.take < 0 || page.take > MAX_PAGE_SIZE) throw new Error(`Invalid page size ${page.take}`);
  return String(page.take + 1);
}

/** The cursor's sort value as the instant it names; a cursor whose value is no date is malformed. */
export function cursorInstant(after: CursorKey): Date {
  const value = new Date(after.sort);
  if (Number.isNaN(value.getTime())) throw badInput("Malformed cursor: pass a cursor exactly as the API returned it", "after");
  return value;
}

/** Prisma `orderBy` and keyset `where` for a connection sorted by a date column, then id. */
export function keyset(sortField: string, direction: "asc" | "desc", after: CursorKey | null) {
  const orderBy = [{ [sortField]: direction }, { id: direction }];
  if (!after) return { orderBy, where: {} };
  const value = cursorInstant(after);
  const op = direction === "asc" ? "gt" : "lt";
  return { orderBy, where: { OR: [{ [sortField]: { [op]: value } }, { [sortField]: value, id: { [op]: after.id } }] } };
}

/**
 * One page of a root connection sorted by a date column, then id: validates
 * the page arguments, fetches `first + 1` rows after the cursor, and counts
 * only when `totalCount` is asked for.
 */
export async function findPage<T extends { id: string }>(
  args: PageArgs,
  sortField: string,
  direction: "asc" | "desc",
  find: (query: { after: object; orderBy: object[]; take: number }) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<ConnectionShape<T>> {
  const page = toPage(args);
  const order = keyset(sortField, direction, page.after);
  const rows = await find({ after: order.where, orderBy: order.orderBy, take: page.take + 1 });
  return toConnection(rows, page, (row) => sortValue((row as Record<string, unknown>)[sortField]), count);
}
