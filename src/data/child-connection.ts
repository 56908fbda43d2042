import type { childPageLoaders } from "./child-pages";
import { PageArgs, sortValue, toConnection, toPage } from "../graphql/connection";

/** A connection of one parent's children through its batched page loaders. */
export async function childConnection<V extends { id: string }>(
  loaders: ReturnType<typeof childPageLoaders<V>>,
  parentId: string,
  args: PageArgs,
  sortColumn: keyof V & string,
) {
  const page = toPage(args);
  const rows = await loaders.page(page).load(parentId);
  return toConnection(rows, page, (row) => sortValue(row[sortColumn]), () => loaders.count.load(parentId));
}
