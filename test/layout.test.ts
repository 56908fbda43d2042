// The floors of src/, read from the import statements of every src/**/*.ts
// (import, import type, export … from, import(), require(); src/generated/
// is Prisma's and skipped). The two kits know no domain:
//   src/graphql/  the API kit: imports nothing of ours but itself and errors.ts
//   src/data/     the SQL kit: imports itself, graphql/, db/, generated/ and
//                 errors.ts; never a domain, context.ts, schema.ts or preloads.ts
// Type-only imports count: a kit that names a domain's type knows the domain.
//
// The domain stack of issue #14's plan (lowest first), enforced below:
//   country < place, person, publisher, crisis < organization < article < event, casualty < ingest
// A domain imports its own folder and lower domains only: never a higher one
// nor a peer (type-only imports count too), and never the composition roots
// (schema.ts; context.ts only for the Context type and what it exports of the
// kits). The rule that puts a relation's field, loader and fetch-ahead spec in
// its higher domain (src/<owner>/<owner>-relations.resolver.ts,
// <owner>.loader.ts) is what keeps the stack one-way: on 2026-12-03 it took
// the 20 upward imports of the src/common/ split (7 in country.resolver.ts,
// 3 each in crisis, person and place, 2 in article, 1 each in organization and
// publisher) to none. src/preloads.ts, which imported five domains and was
// imported by three, is gone: context.ts builds the fetch-ahead registry from
// each domain's specs and the request context carries it (Loaders.preloads).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const SRC = path.resolve(__dirname, "../src");

interface Import {
  /** The importing file, relative to src/ ("data/child-pages.ts"). */
  from: string;
  /** What it names as written. */
  specifier: string;
  /** The imported module relative to src/, without extension ("graphql/connection"); null for a package. */
  target: string | null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, "generated") ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const from = path.relative(SRC, file);
  return specifiers.map((specifier) => ({
    from,
    specifier,
    target: specifier.startsWith(".") ? path.relative(SRC, path.resolve(path.dirname(file), specifier)).replace(/\.(js|ts)$/, "") : null,
  }));
}

const IMPORTS = sourceFiles(SRC).flatMap(importsOf);

/** The folder of src/ a module sits in ("data"), or the module itself for a file at the top ("context"). */
function floorOf(module: string): string {
  return module.split(path.sep)[0];
}

/** Each kit's imports that reach outside what it may import: "from → specifier". */
function outsideImports(kit: string, allowed: string[]): string[] {
  return IMPORTS.filter((i) => floorOf(i.from) === kit && i.target !== null && !allowed.includes(floorOf(i.target))).map(
    (i) => `${i.from} → ${i.specifier}`,
  );
}

test("the imports are read: each kind of statement, value and type-only, to files and to packages", () => {
  const has = (from: string, specifier: string) => IMPORTS.some((i) => i.from === path.join(...from.split("/")) && i.specifier === specifier);
  expect(has("data/keyset.ts", "../graphql/connection")).toBe(true); // import { … }
  expect(has("data/loaders.ts", "../db/prisma")).toBe(true); // import type { … }
  expect(has("graphql/connection.ts", "reflect-metadata")).toBe(true); // import "…" of a package
  expect(has("db/embedded-postgres.ts", "./free-port")).toBe(true); // export { … } from
  expect(IMPORTS).toContainEqual({ from: path.join("data", "keyset.ts"), specifier: "../graphql/connection", target: path.join("graphql", "connection") });
  expect(IMPORTS.filter((i) => floorOf(i.from) === "data").length).toBeGreaterThan(10);
});

test("src/graphql/ imports nothing of ours but itself and errors.ts: no domain, no context, no data/", () => {
  expect(outsideImports("graphql", ["graphql", "errors"])).toEqual([]);
});

test("src/data/ imports only itself, graphql/, db/, generated/ and errors.ts: no domain, no context", () => {
  expect(outsideImports("data", ["data", "graphql", "db", "generated", "errors"])).toEqual([]);
});

/** Each domain's height in the stack; peers share one. */
const DOMAIN_RANK: Record<string, number> = {
  country: 0,
  place: 1,
  person: 1,
  publisher: 1,
  crisis: 1,
  organization: 2,
  article: 3,
  event: 4,
  casualty: 4,
  ingest: 5,
};

/** Imports of a domain file that reach a higher domain or a peer: "from → specifier". */
function domainStackBreaks(): string[] {
  return IMPORTS.filter((i) => {
    if (i.target === null) return false;
    const from = floorOf(i.from);
    const to = floorOf(i.target);
    if (!(from in DOMAIN_RANK) || !(to in DOMAIN_RANK) || from === to) return false;
    return DOMAIN_RANK[to] >= DOMAIN_RANK[from];
  }).map((i) => `${i.from} → ${i.specifier}`);
}

test("every folder of src/ that holds a domain is placed in the stack", () => {
  const domains = fs
    .readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.readdirSync(path.join(SRC, entry.name)).some((name) => /\.(type|resolver)\.ts$/.test(name)))
    .map((entry) => entry.name)
    .sort();
  expect(domains).toEqual(Object.keys(DOMAIN_RANK).sort());
});

test("no domain imports a higher domain or a peer (type-only imports included)", () => {
  expect(domainStackBreaks()).toEqual([]);
});

test("the stack check reads the imports between domains it judges", () => {
  // event → article runs down the stack (allowed); seeing it shows the check is not vacuous.
  expect(IMPORTS.some((i) => floorOf(i.from) === "event" && i.target !== null && floorOf(i.target) === "article")).toBe(true);
  expect(DOMAIN_RANK.event > DOMAIN_RANK.article).toBe(true);
});

test("no domain imports the composition root schema.ts, and src/preloads.ts is gone", () => {
  const roots = IMPORTS.filter((i) => floorOf(i.from) in DOMAIN_RANK && i.target !== null && ["schema", "preloads"].includes(i.target));
  expect(roots.map((i) => `${i.from} → ${i.specifier}`)).toEqual([]);
  expect(fs.existsSync(path.join(SRC, "preloads.ts"))).toBe(false);
});
