// Trusted documents, checked on the parsed HTTP request before Apollo sees it.
//
// - apq (default): Apollo's automatic persisted queries. Apollo answers an
//   unknown hash with PERSISTED_QUERY_NOT_FOUND (HTTP 200, the APQ protocol:
//   the client resends with the query); we refuse a query whose SHA-256 is not
//   the hash sent with it (PERSISTED_QUERY_HASH_MISMATCH, 400) ourselves, since
//   Apollo's own refusal carries no code.
// - safelist: only the operations of an Apollo persisted query manifest run,
//   sent by id (`extensions.persistedQuery.sha256Hash`, as Apollo Client's
//   persisted-queries link does) or as a body that matches a manifest body up
//   to whitespace and comments. Unknown id: PERSISTED_QUERY_NOT_IN_LIST (404);
//   any other operation: QUERY_NOT_IN_SAFELIST (403) — Apollo Router's codes.
//   Nothing can be registered at run time (APQ is off).
//   Traffic from the router (a request that carried the valid ROUTER_SECRET)
//   is not safelisted: the router sends query-plan fetches (`_entities`,
//   rewritten root fields) that no client manifest can list; safelisting
//   client operations is the router's job, on the supergraph.
// - off: neither.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { stripIgnoredCharacters } from "graphql";
import { ErrorCode } from "../errors";

export const MANIFEST_FORMAT = "apollo-persisted-query-manifest";

export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: { id: string; name: string; type: "query" | "mutation" | "subscription"; body: string }[];
}

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}

/** What the HTTP layer hands over: the parsed JSON body (POST) or the query string (GET). */
export interface IncomingOperation {
  method: string;
  body: unknown;
  search: string;
}

export type Admission = { body: unknown; search: string } | { refusal: Refusal };

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function readManifest(file: string): PersistedQueryManifest {
  let manifest: PersistedQueryManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`PERSISTED_QUERIES_MANIFEST: cannot read ${file}: ${(error as Error).message}`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`PERSISTED_QUERIES_MANIFEST: ${file} is not an ${MANIFEST_FORMAT} (version 1)`);
  }
  for (const operation of manifest.operations) {
    if (typeof operation?.id !== "string" || typeof operation.body !== "string") {
      throw new Error(`PERSISTED_QUERIES_MANIFEST: every operation in ${file} needs a string id and body`);
    }
  }
  return manifest;
}

function normalized(query: string): string | null {
  try {
    return stripIgnoredCharacters(query);
  } catch {
    return null; // not even lexable: certainly not in the list
  }
}

interface Request {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | unknown;
  [key: string]: unknown;
}

/** The request's query and persisted-query hash, from the JSON body (POST) or the query string (GET). */
function read(incoming: IncomingOperation): { fields: Request; extensions: Record<string, unknown> | null } | null {
  if (incoming.method === "GET") {
    const params = new URLSearchParams(incoming.search);
    let extensions: unknown = null;
    const raw = params.get("extensions");
    if (raw) {
      try {
        extensions = JSON.parse(raw);
      } catch {
        return null; // Apollo answers malformed extensions itself
      }
    }
    const query = params.get("query") ?? undefined;
    return { fields: { query, extensions }, extensions: isObject(extensions) ? extensions : null };
  }
  if (!isObject(incoming.body)) return null; // batches and junk: Apollo refuses them
  const body = incoming.body as Request;
  return { fields: body, extensions: isObject(body.extensions) ? (body.extensions as Record<string, unknown>) : null };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function hashOf(extensions: Record<string, unknown> | null): string | undefined {
  const persisted = extensions?.persistedQuery;
  return isObject(persisted) && typeof persisted.sha256Hash === "string" ? persisted.sha256Hash : undefined;
}

/** The request with `query` set to the manifest's body and the persistedQuery extension removed. */
function rewrite(incoming: IncomingOperation, extensions: Record<string, unknown> | null, query: string): { body: unknown; search: string } {
  const { persistedQuery: _dropped, ...rest } = extensions ?? {};
  const remaining = Object.keys(rest).length ? rest : undefined;
  if (incoming.method === "GET") {
    const params = new URLSearchParams(incoming.search);
    params.set("query", query);
    if (remaining) params.set("extensions", JSON.stringify(remaining));
    else params.delete("extensions");
    return { body: incoming.body, search: `?${params}` };
  }
  const { extensions: _replaced, ...body } = incoming.body as Record<string, unknown>;
  return { body: remaining ? { ...body, query, extensions: remaining } : { ...body, query }, search: incoming.search };
}

export interface TrustedDocuments {
  mode: "apq" | "safelist" | "off";
  /** Checks (and in safelist mode resolves) one request; `fromRouter`: it carried the valid ROUTER_SECRET. */
  admit(incoming: IncomingOperation, fromRouter: boolean): Admission;
}

export function createTrustedDocuments(mode: TrustedDocuments["mode"], manifest?: PersistedQueryManifest): TrustedDocuments {
  if (mode !== "safelist") {
    return {
      mode,
      admit(incoming) {
        if (mode === "off") return incoming;
        const request = read(incoming);
        const hash = hashOf(request?.extensions ?? null);
        if (hash !== undefined && typeof request?.fields.query === "string" && sha256(request.fields.query) !== hash) {
          return { refusal: { status: 400, code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, message: "The persisted query hash is not the SHA-256 of the query sent with it" } };
        }
        return incoming;
      },
    };
  }
  if (!manifest) throw new Error("Safelist mode needs a persisted query manifest");
  const byId = new Map<string, string>();
  const bodyHashes = new Set<string>();
  const normalizedBodies = new Set<string>();
  for (const operation of manifest.operations) {
    byId.set(operation.id, operation.body);
    bodyHashes.add(sha256(operation.body));
    const stripped = normalized(operation.body);
    if (stripped !== null) normalizedBodies.add(stripped);
  }
  return {
    mode,
    admit(incoming, fromRouter) {
      if (fromRouter) return incoming;
      const request = read(incoming);
      if (!request) return incoming;
      const { fields, extensions } = request;
      const hash = hashOf(extensions);
      if (typeof fields.query === "string" && fields.query !== "") {
        // The exact text first (cheap), then up to whitespace and comments.
        if (bodyHashes.has(sha256(fields.query)) || normalizedBodies.has(normalized(fields.query) ?? "")) {
          return hash === undefined ? incoming : rewrite(incoming, extensions, fields.query);
        }
        return { refusal: { status: 403, code: ErrorCode.QUERY_NOT_IN_SAFELIST, message: "This operation is not in the list of trusted operations: send one from the manifest, by id" } };
      }
      if (hash !== undefined) {
        const body = byId.get(hash);
        if (body === undefined) {
          return { refusal: { status: 404, code: ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, message: `Persisted query "${hash.slice(0, 64)}" is not in the list of trusted operations` } };
        }
        return rewrite(incoming, extensions, body);
      }
      return incoming; // no query at all: Apollo says so
    },
  };
}
