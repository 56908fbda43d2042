// What the server keeps per distinct query, bounded by what it really costs.
//
// Everything kept per document hangs off the parsed document Apollo's document
// store holds: the compiled graphql-jit plan (executor.ts), the preload plans
// (data/preload.ts) and the cache policy (cache-policy.ts) sit in WeakMaps keyed by
// the document or its nodes, and go when the store lets the document go. So
// one bound covers them all, if the store counts them: Apollo's default store
// sizes a document by its JSON (about 49 KB for a document that keeps 1.1 MB
// alive: no tokens, no source text, no compiled code), so its 30 MB held
// gigabytes. This store sizes each document by an estimate of all of it, made
// from numbers measured here (see test/hardening/distinct-documents.test.ts),
// and holds DOCUMENT_STORE_BYTES of them, at most DOCUMENT_STORE_ENTRIES.
//
// APQ (automatic persisted queries) keeps query texts, in a cache of its own
// sized by their bytes in memory (a non-Latin-1 text takes two bytes a
// character), of PERSISTED_QUERY_BYTES.
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

/** Documents, with their compiled plans, preload plans and cache policies: in heap bytes, estimated. */
export const DOCUMENT_STORE_BYTES = 32 * 1024 * 1024;
/** And at most this many, whatever their size: a front end sends a few hundred distinct operations. */
export const DOCUMENT_STORE_ENTRIES = 2000;
/** Query texts registered through APQ, in heap bytes. */
export const PERSISTED_QUERY_BYTES = 8 * 1024 * 1024;

// Measured on Node 20 / V8 with this schema (heap after a full GC, per document served once):
/** The store's entry, Apollo's key (schema hash + SHA-256), the operation's Map entries, the compiled query's closures. */
const BYTES_PER_DOCUMENT = 8 * 1024;
/** A parsed token (the lexer's linked list, kept by every AST node's location) and its share of the AST. */
const BYTES_PER_TOKEN = 400;
/** A field selection as executed (fragments expanded): its compiled code, resolve info and plans. */
const BYTES_PER_EXECUTED_FIELD = 700;
/** Stop counting executed fields past this: the estimate is already over any store's budget. */
const MAX_COUNTED_FIELDS = 1_000_000;

/** Bytes a string takes in V8's heap: one a character for Latin-1 text, two otherwise. */
export function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(text) ? 2 * text.length : text.length;
}

function tokenCount(document: DocumentNode): number {
  let count = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) count++;
  return count;
}

/** Field selections as execution sees them: each fragment's fields counted at every spread. */
function executedFields(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const perFragment = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode): number => {
    let fields = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields += 1 + (selection.selectionSet ? count(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields += count(selection.selectionSet);
      else {
        const name = selection.name.value;
        if (!perFragment.has(name)) {
          perFragment.set(name, 0); // a cycle (validation refuses it) counts nothing
          const fragment = fragments.get(name);
          perFragment.set(name, fragment ? count(fragment.selectionSet) : 0);
        }
        fields += perFragment.get(name)!;
      }
      if (fields > MAX_COUNTED_FIELDS) return fields;
    }
    return fields;
  };
  let total = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) total += count(definition.selectionSet);
  return Math.min(total, MAX_COUNTED_FIELDS);
}

/** Heap bytes a document keeps alive once served: its source text, tokens and AST, and what is compiled for it. */
export function estimateDocumentBytes(document: DocumentNode): number {
  const source = document.loc?.source.body ?? "";
  return BYTES_PER_DOCUMENT + stringBytes(source) + BYTES_PER_TOKEN * tokenCount(document) + BYTES_PER_EXECUTED_FIELD * executedFields(document);
}

/** Apollo's document store (the `documentStore` option), sized honestly. */
export function createDocumentStore(maxBytes = DOCUMENT_STORE_BYTES, maxEntries = DOCUMENT_STORE_ENTRIES): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({ maxSize: maxBytes, max: maxEntries, sizeCalculation: estimateDocumentBytes });
}

/** APQ's store of query texts (`persistedQueries.cache`): the key (`apq:` + SHA-256) and the text, in heap bytes. */
export function createPersistedQueryCache(maxBytes = PERSISTED_QUERY_BYTES): InMemoryLRUCache<string> {
  return new InMemoryLRUCache<string>({ maxSize: maxBytes, sizeCalculation: (text) => 256 + stringBytes(text) });
}
