// Two checks on answers. Under load, a cheap one on every body: no GraphQL
// errors and the exact number of each marker key the reference answer has
// (so a short page or a missing nested list fails). Once per server and
// shape, a deep one: the answer, normalised, equals the one-SQL reference.

/** How often `"key"` occurs in a JSON text: counts object keys without parsing. */
export function countKey(body: string, key: string): number {
  const needle = `"${key}"`;
  let count = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) count++;
  return count;
}

export type MarkerCounts = Record<string, number>;

export function markerCounts(body: string, markers: string[]): MarkerCounts {
  return Object.fromEntries(markers.map((key) => [key, countKey(body, key)]));
}

export function bodyVerifier(expected: MarkerCounts): (body: string) => boolean {
  const entries = Object.entries(expected);
  return (body) => {
    if (body.length === 0 || body.includes('"errors"')) return false;
    for (const [key, count] of entries) if (countKey(body, key) !== count) return false;
    return true;
  };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A server-neutral form of an answer: connection wrappers (`edges { node }`,
 * `nodes`) and join rows (`{ place: {...} }`) unwrapped, date-times as ISO
 * UTC, and every list below the top-level one sorted (servers may order
 * nested lists differently; the top-level list's order is part of the shape).
 */
export function normalise(value: unknown, sortTopLevel = false, depth = 0): unknown {
  if (Array.isArray(value)) {
    let items = value.map((item) => normalise(item, sortTopLevel, depth + 1));
    if (items.every(isJoinRow)) items = items.map((item) => Object.values(item as object)[0]);
    return depth > 0 || sortTopLevel ? sortByJson(items) : items;
  }
  if (value && typeof value === "object") {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.length === 1 && keys[0] === "edges" && Array.isArray(object.edges)) {
      return normalise(object.edges.map((edge: { node?: unknown }) => edge.node), sortTopLevel, depth);
    }
    if (keys.length === 1 && keys[0] === "nodes" && Array.isArray(object.nodes)) return normalise(object.nodes, sortTopLevel, depth);
    return Object.fromEntries(keys.sort().map((key) => [key, normalise(object[key], sortTopLevel, depth)]));
  }
  if (typeof value === "string" && DATE_TIME.test(value)) {
    return new Date(/Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`).toISOString();
  }
  return value;
}

function isJoinRow(item: unknown): boolean {
  if (!item || typeof item !== "object" || Array.isArray(item)) return false;
  const values = Object.values(item);
  return values.length === 1 && values[0] !== null && typeof values[0] === "object" && !Array.isArray(values[0]);
}

function sortByJson(items: unknown[]): unknown[] {
  return items
    .map((item) => [JSON.stringify(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

/** Null when `actual` answers the same as `reference`, else what differs first. */
export function compareAnswers(actual: unknown, reference: unknown, sortTopLevel: boolean): string | null {
  return firstDifference(normalise(actual, sortTopLevel), normalise(reference, sortTopLevel), "");
}

function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path || "/"}: ${a.length} items, expected ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], b[i], `${path}/${i}`);
      if (difference) return difference;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return a === b ? null : `${path || "/"}: ${JSON.stringify(a)?.slice(0, 80)}, expected ${JSON.stringify(b)?.slice(0, 80)}`;
}
