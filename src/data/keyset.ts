// The SQL half of cursor pagination (the GraphQL half, arguments, cursors and
// connections, is graphql/connection.ts): a page's LIMIT written into the
// statement, and the cursor's instant the keyset continues after (data/root-page.ts).
import { badInput } from "../errors";
import { MAX_PAGE_SIZE, type CursorKey, type Page } from "../graphql/connection";

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
