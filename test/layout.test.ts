// The floors of src/, read from the import statements of every src/**/*.ts
// (import, import type, export … from, import(), require(); src/generated/
// is Prisma's and skipped). The two kits know no domain:
//   src/graphql/  the API kit: imports nothing of ours but itself and errors.ts
//   src/data/     the SQL kit: imports itself, graphql/, db/, generated/ and
//                 errors.ts; never a domain, context.ts, schema.ts or preloads.ts
// Type-only imports count: a kit that names a domain's type knows the domain.
//
// Not enforced yet: the domain stack of issue #14's plan (lowest first)
//   country < place, person, publisher, crisis < organization < article < event, casualty < ingest
// where a domain imports only its own folder and lower ones. Measured on
// 2026-12-03, after the src/common/ split: 20 import statements break it, all
// running up the stack and all value imports (the types of fields that a
// lower domain's resolver declares for a higher one: 7 in country.resolver.ts,
// 3 each in crisis, person and place, 2 in article, 1 each in organization and
// publisher); none runs sideways between peers. Besides those, 3 domain files
// (article.service.ts, event.resolver.ts, casualty-statistic.resolver.ts)
// import src/preloads.ts, which imports five domains. The later work package
// moves those fields to their owners, then enforces the stack here.
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
