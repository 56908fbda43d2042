// Writes the contract files: schema/subgraph.graphql, the SDL other teams
// compose against, and schema/supergraph.graphql, it composed with the small
// foreign "media" subgraph (schema/media-subgraph.graphql) as a router would
// see them. `npm run schema:print` after any schema change; a test fails
// while either is stale.
import fs from "node:fs";
import path from "node:path";
import { graphql } from "graphql";
import { paths } from "./config";
import { buildFederatedSchema } from "./schema";
import { composeSupergraph } from "./supergraph";

export const SUBGRAPH_SDL_PATH = path.join(paths.projectRoot, "schema/subgraph.graphql");
export const SUPERGRAPH_PATH = path.join(paths.projectRoot, "schema/supergraph.graphql");
export const MEDIA_SDL_PATH = path.join(paths.projectRoot, "schema/media-subgraph.graphql");

/** Exactly what a router reads from `_service { sdl }`. */
export async function printSubgraphSdl(): Promise<string> {
  const result = await graphql({ schema: await buildFederatedSchema(), source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return `${sdl.trim()}\n`;
}

/** The subgraphs as the committed supergraph names them (URLs are placeholders a router overrides). */
export function committedSubgraphs() {
  return [
    { name: "crisis-graph", url: "http://localhost:4000/graphql", sdl: fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8") },
    { name: "media", url: "http://localhost:4001/graphql", sdl: fs.readFileSync(MEDIA_SDL_PATH, "utf8") },
  ];
}

async function main() {
  const sdl = await printSubgraphSdl();
  fs.mkdirSync(path.dirname(SUBGRAPH_SDL_PATH), { recursive: true });
  fs.writeFileSync(SUBGRAPH_SDL_PATH, sdl);
  console.log(`Wrote ${path.relative(paths.projectRoot, SUBGRAPH_SDL_PATH)}`);

  // Composed from the file just written, as the test that holds it current reads it.
  const { supergraphSdl, hints } = composeSupergraph(committedSubgraphs());
  fs.writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`Wrote ${path.relative(paths.projectRoot, SUPERGRAPH_PATH)}`);
  for (const hint of hints) console.log(`hint ${hint}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
