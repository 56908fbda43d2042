// The contract other teams compose against: the supergraph composes with a
// foreign subgraph, the committed files are current, and breaking changes show.
import fs from "node:fs";
import { committedSubgraphs, printSubgraphSdl, SUBGRAPH_SDL_PATH, SUPERGRAPH_PATH } from "../../src/print-schema";
import { breakingChanges } from "../../src/schema-diff";
import { composeSupergraph } from "../../src/supergraph";

test("our subgraph and the media subgraph compose; the only hint is the override we started on purpose", () => {
  const { supergraphSdl, hints } = composeSupergraph(committedSubgraphs());
  expect(hints).toEqual([expect.stringMatching(/^OVERRIDE_MIGRATION_IN_PROGRESS: Field "Article.wordCount"/)]);
  expect(supergraphSdl).toContain('@join__field(graph: CRISIS_GRAPH, override: "media", overrideLabel: "percent(0)")');
  // The router enforces these on the mutations, as the server does with API keys.
  expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
  expect(supergraphSdl).toMatch(/ingestArticle\(input: IngestArticleInput!\): IngestArticleResult! @authenticated @requiresScopes\(scopes: \[\["write"\]\]\)/);
});

test("schema/supergraph.graphql is current (run `npm run schema:print` after changing the schema)", () => {
  expect(fs.readFileSync(SUPERGRAPH_PATH, "utf8")).toBe(composeSupergraph(committedSubgraphs()).supergraphSdl);
});

test("the current schema breaks nothing in the committed contract", async () => {
  expect(breakingChanges(fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8"), await printSubgraphSdl())).toEqual([]);
});

test("removing a field or changing its type is reported as breaking", () => {
  const committed = fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8");
  // The field and its description, however long the description is.
  const withoutQuote = committed.replace(/\n  """(?:(?!""")[\s\S])*"""\n  quote: String!/, "");
  expect(withoutQuote).not.toBe(committed);
  expect(breakingChanges(committed, withoutQuote)).toEqual(["FIELD_REMOVED: CasualtyStatistic.quote was removed."]);

  const bestAsString = committed.replace(/(\n  best): Int!/, "$1: String!");
  expect(bestAsString).not.toBe(committed);
  expect(breakingChanges(committed, bestAsString)).toEqual(["FIELD_CHANGED_KIND: CasualtyStatistic.best changed type from Int! to String!."]);
});

test("a new optional field is not breaking", () => {
  const committed = fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8");
  const extended = committed.replace(/(\n  figureText: String!)/, "$1\n  sourceLanguage: String");
  expect(breakingChanges(committed, extended)).toEqual([]);
});
