// Relations fetched ahead, in one statement, for a whole page.
//
// A root list reads its page; then one more SQL statement fetches, for every
// row of the page, each relation the query selects below it (to any depth),
// as JSON built inside PostgreSQL, and hangs the rows on their parents; the
// relation's field resolver takes them from there (`preloaded`) before
// asking its loader. Profiling showed why: turning a few hundred rows into
// objects cost Prisma several times what JSON.parse costs for the same rows.
// Only the columns the selection reads are fetched, plus the keys the
// type's resolvers follow; where the selection has a field that is neither
// a column nor a relation fetched ahead, the whole row. The rows are never
// put into loaders, so a partial row cannot answer another part of the query.
//
// A relation is fetched ahead only if its spec (next to the loader it
// stands in for, in the domain's *.loader.ts) reproduces that loader's query,
// row for row; test/data/preload.test.ts holds every spec to it. Fields
// with arguments, and relations without a spec, are left to their loaders.
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { COLUMNS, toRow, type ModelName, type Row } from "./json-rows";

export type { Row };

interface RelationSpecBase {
  /** The GraphQL type the field returns: its selection is walked next. */
  type: string;
  /** `FROM … WHERE …` of the related rows, aliased `child`, for the row aliased `parent`. */
  from(parent: string, child: string): string;
  /** The related rows' model: their date columns become Dates again (json-rows.ts). */
  model: ModelName;
  /** Columns that `sort` reads, fetched whatever is selected. */
  sortColumns?: readonly string[];
}

/** A list. */
interface ListRelationSpec extends RelationSpecBase {
  many: true;
  /** ORDER BY over `child`: the loader's order. */
  orderBy?(child: string): string;
  /** The final order, when the loader sorts in code. */
  sort?(rows: Row[]): Row[];
}

/** A single row (or none). */
interface RowRelationSpec extends RelationSpecBase {
  many: false;
}

export type RelationSpec = ListRelationSpec | RowRelationSpec;

/** GraphQL type name → field name → how that relation is fetched ahead. */
export type PreloadRegistry = Record<string, Record<string, RelationSpec>>;

export interface PlanNode {
  relations: { field: string; spec: RelationSpec; node: PlanNode }[];
  /** The columns to fetch; null for the whole row. */
  columns: readonly string[] | null;
}

export interface PreloadPlan {
  root: PlanNode;
  /** One statement; `$1` is the page's ids. Null when nothing below the page has a spec. */
  sql: string | null;
}

type Fragments = Record<string, FragmentDefinitionNode>;

/** Field nodes by name across fragments. Fragments on other types are walked too: fetching a little more is harmless. */
function fieldsByName(selectionSets: readonly SelectionSetNode[], fragments: Fragments, into = new Map<string, FieldNode[]>(), seen = new Set<string>()) {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const list = into.get(selection.name.value);
        if (list) list.push(selection);
        else into.set(selection.name.value, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        fieldsByName([selection.selectionSet], fragments, into, seen);
      } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        fieldsByName([fragments[selection.name.value].selectionSet], fragments, into, seen);
      }
    }
  }
  return into;
}

function selectionSetsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

function planNode(
  registry: PreloadRegistry,
  type: string,
  selectionSets: SelectionSetNode[],
  fragments: Fragments,
  rows?: { model: ModelName; sortColumns?: readonly string[] },
): PlanNode {
  const specs = registry[type] ?? {};
  const fields = fieldsByName(selectionSets, fragments);
  const relations: PlanNode["relations"] = [];
  for (const [field, spec] of Object.entries(specs)) {
    const nodes = fields.get(field);
    // Arguments select a different loader (a page, a filter): not this spec's.
    if (!nodes || nodes.some((node) => node.arguments?.length)) continue;
    relations.push({ field, spec, node: planNode(registry, spec.type, selectionSetsOf(nodes), fragments, spec) });
  }
  if (!rows) return { relations, columns: null };
  const columns = COLUMNS[rows.model];
  const selected = [...fields.keys()].filter((name) => !name.startsWith("__"));
  // A field that is neither a column nor fetched ahead has a resolver that may read any column: the whole row.
  // Otherwise nothing but the selection reads the row (relations fetched ahead never fall back to their
  // loaders, so need no keys): its columns, the id, and what a sort in code reads.
  const plain = selected.every((name) => columns.has(name) || relations.some((relation) => relation.field === name));
  return { relations, columns: plain ? [...new Set(["id", ...(rows.sortColumns ?? []), ...selected.filter((name) => columns.has(name))])] : null };
}

/**
 * One row and its relations as a JSON array: the columns by position (their
 * names are in the plan, so PostgreSQL builds and we parse no keys), then
 * each relation; or, for the whole row, row_to_json first.
 */
function elementSql(node: PlanNode, alias: string, next: () => string): string {
  const relations = node.relations.map((relation) => relationSql(relation, alias, next));
  if (!node.columns) return relations.length ? `json_build_array(row_to_json(${alias}), ${relations.join(", ")})` : `row_to_json(${alias})`;
  return `json_build_array(${[...node.columns.map((column) => `${alias}."${column}"`), ...relations].join(", ")})`;
}

/** The row elementSql built, as Prisma would give it, with its relations hung on it. */
function decodeElement(node: PlanNode, element: unknown, model: ModelName): Row {
  if (!node.columns && !node.relations.length) return toRow(element as Row, model);
  const values = element as unknown[];
  let row: Row;
  let offset: number;
  if (node.columns) {
    row = {};
    for (let i = 0; i < node.columns.length; i++) row[node.columns[i]] = values[i];
    offset = node.columns.length;
  } else {
    row = values[0] as Row;
    offset = 1;
  }
  toRow(row, model);
  if (node.relations.length) attachRelations(node, row, values, offset);
  return row;
}

function relationSql({ spec, node }: PlanNode["relations"][number], parent: string, next: () => string): string {
  const child = next();
  const element = elementSql(node, child, next);
  if (!spec.many) return `(SELECT ${element} ${spec.from(parent, child)} LIMIT 1)`;
  const order = spec.orderBy ? ` ORDER BY ${spec.orderBy(child)}` : "";
  return `(SELECT coalesce(json_agg(${element}${order}), '[]'::json) ${spec.from(parent, child)})`;
}

/** The selection sets at `path` below a root field (["edges", "node"] for a connection). */
function selectionSetsAt(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, path: readonly string[]): SelectionSetNode[] {
  let selectionSets = selectionSetsOf(info.fieldNodes);
  for (const step of path) selectionSets = selectionSetsOf(fieldsByName(selectionSets, info.fragments).get(step) ?? []);
  return selectionSets;
}

/** Names of the fields the query selects on the rows at `path` (fragments included). */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, path: readonly string[]): Set<string> {
  return new Set(fieldsByName(selectionSetsAt(info, path), info.fragments).keys());
}

/**
 * The plan for the rows at `path` below a root field (["edges", "node"] for
 * a connection, [] for a list), whose GraphQL type is `type` and whose
 * table is `table`.
 */
export function planPreload(
  registry: PreloadRegistry,
  info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">,
  path: readonly string[],
  type: string,
  table: string,
): PreloadPlan {
  const root = planNode(registry, type, selectionSetsAt(info, path), info.fragments);
  if (!root.relations.length) return { root, sql: null };
  let counter = 0;
  const next = () => `c${++counter}`;
  const relations = root.relations.map((relation) => relationSql(relation, "p", next)).join(", ");
  return { root, sql: `SELECT coalesce(json_agg(json_build_array(p.id, ${relations})), '[]'::json)::text AS preload FROM ${table} p WHERE p.id = ANY($1::uuid[])` };
}

/** A page's rows with `columns`, and what the plan fetches ahead below them. */
export interface PagePlan {
  root: PlanNode;
  /** One row, aliased `p`, with its relations (for pageSql). */
  element: string;
}

export function planPage(plan: PreloadPlan, columns: readonly string[]): PagePlan {
  const root = { ...plan.root, columns };
  let counter = 0;
  return { root, element: elementSql(root, "p", () => `c${++counter}`) };
}

/**
 * One statement for a whole page and what is fetched ahead below it:
 * `source` yields the page's rows (a subquery over the page's table), `order`
 * is their order over the alias `p`; none when the order does not matter
 * (rows by id), which spares PostgreSQL a sort.
 */
export function pageSql(page: PagePlan, source: string, order: string | null): string {
  return `SELECT coalesce(json_agg(${page.element}${order ? ` ORDER BY ${order}` : ""}), '[]'::json)::text AS page FROM (${source}) p`;
}

/** The rows of a page statement (pageSql), with what was fetched ahead hung on them. */
export function readPage(page: PagePlan, pageJson: string, model: ModelName): Row[] {
  return (JSON.parse(pageJson) as unknown[]).map((element) => decodeElement(page.root, element, model));
}

const PRELOADED = Symbol("preloaded");
type WithPreloaded = { [PRELOADED]?: Record<string, unknown> };

/** What was fetched ahead for `field` of this parent row; undefined when nothing was. */
export function preloaded<T>(parent: object, field: string): T | undefined {
  return (parent as WithPreloaded)[PRELOADED]?.[field] as T | undefined;
}

/** What was fetched ahead for `field` of this parent row, else what `load` reads (its loader). */
export function preloadedOr<T>(parent: object, field: string, load: () => Promise<T>): T | Promise<T> {
  const value = preloaded<T>(parent, field);
  return value !== undefined ? value : load();
}

/** Hangs the relations of `node`, at `values[offset…]`, on `parent`. */
function attachRelations(node: PlanNode, parent: Row, values: unknown[], offset: number): void {
  let bag = (parent as WithPreloaded)[PRELOADED];
  // Not enumerable: the row stays the row (comparisons, logs), the relations ride along.
  if (!bag) Object.defineProperty(parent, PRELOADED, { value: (bag = {}), enumerable: false });
  for (let index = 0; index < node.relations.length; index++) {
    const { field, spec, node: childNode } = node.relations[index];
    const value = values[offset + index];
    if (spec.many) {
      const rows = (value as unknown[]).map((element) => decodeElement(childNode, element, spec.model));
      bag[field] = spec.sort ? spec.sort(rows) : rows;
    } else {
      bag[field] = value === null || value === undefined ? null : decodeElement(childNode, value, spec.model);
    }
  }
}

/** Hangs what the plan's statement returned on the page's rows (keyed by `id`). */
export function attachPreloaded(plan: PreloadPlan, rows: readonly Row[], preloadJson: string): void {
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  for (const [id, ...values] of JSON.parse(preloadJson) as [string, ...unknown[]][]) {
    const row = byId.get(id);
    if (row) attachRelations(plan.root, row, values, 0);
  }
}

// The runner, handed its registry: the request context carries it (context.ts
// builds it from each domain's declarations; an empty one for the benchmark's
// naive server), so this kit knows no domain.

/** The registries of several domains as one; a relation declared twice is a bug. */
export function mergeRegistries(registries: readonly PreloadRegistry[]): PreloadRegistry {
  const merged: PreloadRegistry = {};
  for (const registry of registries) {
    for (const [type, fields] of Object.entries(registry)) {
      for (const field of Object.keys(fields)) if (merged[type]?.[field]) throw new Error(`Two fetch-ahead specs for ${type}.${field}`);
      merged[type] = { ...merged[type], ...fields };
    }
  }
  return merged;
}

/** A page's table: each GraphQL type that a page holds is stored in the table of its name. */
const tableOf = (type: string) => `"${type}"`;

// Plans depend on the document only; documents are parsed once and reused (Apollo's document store),
// whose bound counts these plans too (cache/document-store.ts). One cache per registry.
const preloadPlans = new WeakMap<PreloadRegistry, WeakMap<object, PreloadPlan>>();

/**
 * Fetches ahead, in one statement, every relation with a spec that the query
 * selects below the `rows` of a page (a connection's edges → node), and hangs
 * them on the rows for the relations' resolvers. Nothing when the registry
 * is empty (the benchmark's naive server) or nothing below has a spec.
 */
export async function preloadPage(
  prisma: { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> },
  registry: PreloadRegistry,
  info: GraphQLResolveInfo,
  type: string,
  rows: readonly Row[],
): Promise<void> {
  if (!rows.length || !Object.keys(registry).length) return;
  let cache = preloadPlans.get(registry);
  if (!cache) preloadPlans.set(registry, (cache = new WeakMap()));
  let plan = cache.get(info.fieldNodes[0]);
  if (!plan) cache.set(info.fieldNodes[0], (plan = planPreload(registry, info, ["edges", "node"], type, tableOf(type))));
  if (!plan.sql) return;
  const [{ preload }] = await prisma.$queryRawUnsafe<{ preload: string }[]>(plan.sql, rows.map((row) => row.id));
  attachPreloaded(plan, rows, preload);
}

const NOTHING_AHEAD: PreloadPlan = { root: { relations: [], columns: null }, sql: null };
// Per registry and type: one `_entities` field holds rows of several types.
const pagePlans = new WeakMap<PreloadRegistry, Map<string, WeakMap<object, PagePlan>>>();

/** Where the rows stand below the root field: a connection's edges → node, or the field itself. */
export type RowPath = readonly ["edges", "node"] | readonly [];

/**
 * How to read the rows of `type` at `path` below a root field with the
 * `columns` they need and, in the same statement, every relation of the
 * registry that the query selects below them (none with the empty registry:
 * the benchmark's naive server asks per parent).
 */
export function pagePlan(
  info: GraphQLResolveInfo,
  type: string,
  path: RowPath,
  columns: (info: GraphQLResolveInfo, path: RowPath, plan: PreloadPlan) => readonly string[],
  registry: PreloadRegistry,
): PagePlan {
  let byType = pagePlans.get(registry);
  if (!byType) pagePlans.set(registry, (byType = new Map()));
  let cache = byType.get(type);
  if (!cache) byType.set(type, (cache = new WeakMap()));
  let page = cache.get(info.fieldNodes[0]);
  if (!page) {
    const plan = Object.keys(registry).length ? planPreload(registry, info, path, type, tableOf(type)) : NOTHING_AHEAD;
    cache.set(info.fieldNodes[0], (page = planPage(plan, columns(info, path, plan))));
  }
  return page;
}
