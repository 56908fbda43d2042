// Writes schema/supergraph.graphql: this subgraph composed with the test
// "media" subgraph, as a router would see them. `npm run schema:compose`.
import fs from "node:fs";
import path from "node:path";
import { paths } from "../../src/config";
import { SUBGRAPH_SDL_PATH } from "../../src/print-schema";
import { composeSupergraph } from "../../src/supergraph";
import { MEDIA_SDL } from "./media-subgraph";

export const SUPERGRAPH_PATH = path.join(paths.projectRoot, "schema/supergraph.graphql");

/** The subgraphs as the committed supergraph names them (URLs are placeholders a router overrides). */
export function committedSubgraphs() {
  return [
    { name: "crisis-graph", url: "http://localhost:4000/graphql", sdl: fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8") },
    { name: "media", url: "http://localhost:4001/graphql", sdl: MEDIA_SDL },
  ];
}

if (require.main === module) {
  const { supergraphSdl, hints } = composeSupergraph(committedSubgraphs());
  fs.writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`Wrote ${path.relative(paths.projectRoot, SUPERGRAPH_PATH)}`);
  for (const hint of hints) console.log(`hint ${hint}`);
}
