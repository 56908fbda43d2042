// Every page of a root connection over HTTP, `first` at a time: the ids in the
// order the API gives them, and its totalCount (the differential filter tests).
import type { TestServer } from "./test-server";

interface PageData {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

/** `field(filter:, first:, after:)` of the root query, with `filterType` its filter's input type. */
export async function allPages(server: TestServer, field: string, filterType: string, filter: object, first: number): Promise<{ ids: string[]; totalCount: number }> {
  const document = `query ($filter: ${filterType}, $first: Int, $after: String) {
    ${field}(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
  }`;
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 500; pages++) {
    const response: { data?: Record<string, PageData> | null; errors?: unknown } = await server.query<Record<string, PageData>>(document, { filter, first, after });
    if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
    const connection: PageData = response.data![field];
    totalCount = connection.totalCount;
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${field}: more than 500 pages`);
}
