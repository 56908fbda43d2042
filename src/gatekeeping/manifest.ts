// Builds an Apollo persisted query manifest (format
// "apollo-persisted-query-manifest", version 1) from the .graphql documents a
// frontend uses: one entry per named operation, its body the operation and
// every fragment it spreads (directly or not), printed by graphql-js; its id
// the body's SHA-256, the hash Apollo Client's persisted-queries link sends.
// Every operation is validated against this server's schema and operation
// limits first: a manifest never lists an operation the server would refuse.
import fs from "node:fs";
import path from "node:path";
import {
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from "graphql";
import { MANIFEST_FORMAT, sha256, type PersistedQueryManifest } from "./persisted-queries";

export interface SourceFile {
  name: string;
  text: string;
}

/** Every .graphql / .gql file under the given files and folders, in a stable order. */
export function graphqlFiles(targets: string[]): string[] {
  const found: string[] = [];
  const walk = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) if (entry !== "node_modules" && !entry.startsWith(".")) walk(path.join(target, entry));
    } else if (/\.(graphql|gql)$/i.test(target)) found.push(target);
  };
  targets.forEach(walk);
  return found;
}

export function buildManifest(sources: SourceFile[], schema: GraphQLSchema, limits: { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } }): PersistedQueryManifest {
  const operations = new Map<string, { operation: OperationDefinitionNode; file: string }>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source.text, { noLocation: true });
    } catch (error) {
      throw new Error(`${source.name}: ${(error as Error).message}`);
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) throw new Error(`${source.name}: fragment ${definition.name.value} is defined twice`);
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        const name = definition.name?.value;
        if (!name) throw new Error(`${source.name}: every operation needs a name (the manifest lists operations by name)`);
        if (operations.has(name)) throw new Error(`${source.name}: operation ${name} is also in ${operations.get(name)!.file}`);
        operations.set(name, { operation: definition, file: source.name });
      }
    }
  }
  const spreadsOf = (node: OperationDefinitionNode | FragmentDefinitionNode) => {
    const names = new Set<string>();
    visit(node, { FragmentSpread: (spread) => void names.add(spread.name.value) });
    return names;
  };
  const entries: PersistedQueryManifest["operations"] = [];
  for (const [name, { operation, file }] of [...operations].sort(([a], [b]) => a.localeCompare(b))) {
    const needed = new Map<string, FragmentDefinitionNode>();
    const pending = [...spreadsOf(operation)];
    while (pending.length) {
      const fragmentName = pending.pop()!;
      if (needed.has(fragmentName)) continue;
      const fragment = fragments.get(fragmentName);
      if (!fragment) throw new Error(`${file}: operation ${name} spreads unknown fragment ${fragmentName}`);
      needed.set(fragmentName, fragment);
      pending.push(...spreadsOf(fragment));
    }
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [operation, ...[...needed.values()].sort((a, b) => a.name.value.localeCompare(b.name.value))],
    };
    const body = print(document);
    // Re-parse the printed body with the server's token limit: what the server will parse.
    try {
      parse(body, limits.parseOptions);
    } catch (error) {
      throw new Error(`${file}: operation ${name}: ${(error as Error).message}`);
    }
    const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
    if (errors.length) throw new Error(`${file}: operation ${name}: ${errors.map((error) => error.message).join("; ")}`);
    entries.push({ id: sha256(body), name, type: operation.operation, body });
  }
  return { format: MANIFEST_FORMAT, version: 1, operations: entries };
}
