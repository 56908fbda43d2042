// Relay cursor connections: arguments, cursors, and the generic types.
// Cursors are opaque base64url of the sort key and id (keyset pagination),
// so pages stay stable while rows are added. How a page becomes SQL (its
// LIMIT, the keyset after a cursor) is data/keyset.ts.
// The decorated types below need the polyfill, and loaders reach this module before the schema does.
import "reflect-metadata";
import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "../errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return items after this cursor (from `pageInfo.endCursor`)." })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "Relay page information." })
@Directive("@shareable")
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface CursorKey {
  /** The sort column's value, as ISO text for dates. */
  sort: string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.id])).toString("base64url");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Every sort key is a date written by toISOString (sortValue), years 0001 to 9999: anything else
    // ("yesterday", year 99999) would reach PostgreSQL, which reads some and refuses others.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && isSortInstant(value[0]) && typeof value[1] === "string" && UUID.test(value[1])) {
      return { sort: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(`Malformed cursor "${cursor.slice(0, 100)}": pass a cursor exactly as the API returned it`, "after");
}

/** An instant as sortValue writes it (toISOString), or a day (YYYY-MM-DD), in the years 0001 to 9999. */
function isSortInstant(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/.test(text) || text.startsWith("0000")) return false;
  const instant = new Date(text.length === 10 ? `${text}T00:00:00.000Z` : text);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, text.length) === text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Page {
  /** Rows to return; one more is fetched to learn whether a next page exists. */
  take: number;
  after: CursorKey | null;
}

/** Validates `first`/`after`; `first: 0` is allowed and returns no edges. */
export function toPage(args: PageArgs): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badInput(`"first" must be zero or more, got ${first}`, "first");
  if (first > MAX_PAGE_SIZE) throw badInput(`"first" must be at most ${MAX_PAGE_SIZE}, got ${first}`, "first");
  return { take: first, after: args.after ? decodeCursor(args.after) : null };
}

export interface ConnectionShape<T> {
  edges: { readonly cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Resolved only when the client asks for `totalCount`. */
  countTotal: () => Promise<number>;
}

/** Cursors are encoded only when asked for: most lists never read them. */
class LazyEdge<T extends { id: string }> {
  constructor(
    readonly node: T,
    private readonly sortKey: (row: T) => string,
  ) {}

  get cursor(): string {
    return encodeCursor({ sort: this.sortKey(this.node), id: this.node.id });
  }
}

/** Builds a connection from rows fetched with `take + 1`. */
export function toConnection<T extends { id: string }>(
  rows: T[],
  page: Page,
  sortKey: (row: T) => string,
  countTotal: () => Promise<number>,
): ConnectionShape<T> {
  const edges = rows.slice(0, page.take).map((node) => new LazyEdge(node, sortKey));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.take,
      hasPreviousPage: page.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    countTotal,
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function Connection<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    countTotal: () => Promise<number>;

    @Field(() => Int, { description: "How many items match, across all pages. Costs a COUNT query: ask only when needed." })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return ConnectionType;
}

/** The cursor's sort value for a row: dates as ISO text. */
export function sortValue(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
