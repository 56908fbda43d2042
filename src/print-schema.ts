// Writes schema/subgraph.graphql: the SDL other teams compose against.
// `npm run schema:print` after any schema change; a test fails while it is stale.
import fs from "node:fs";
import path from "node:path";
import { graphql } from "graphql";
import { paths } from "./config";
import { buildFederatedSchema } from "./schema";

export const SUBGRAPH_SDL_PATH = path.join(paths.projectRoot, "schema/subgraph.graphql");

/** Exactly what a router reads from `_service { sdl }`. */
export async function printSubgraphSdl(): Promise<string> {
  const result = await graphql({ schema: await buildFederatedSchema(), source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return `${sdl.trim()}\n`;
}

if (require.main === module) {
  printSubgraphSdl()
    .then((sdl) => {
      fs.mkdirSync(path.dirname(SUBGRAPH_SDL_PATH), { recursive: true });
      fs.writeFileSync(SUBGRAPH_SDL_PATH, sdl);
      console.log(`Wrote ${path.relative(paths.projectRoot, SUBGRAPH_SDL_PATH)}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
