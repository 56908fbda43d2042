// Writes schema/subgraph.graphql: the SDL other teams compose against.
// `npm run schema:print` after any schema change; a test fails while it is stale.
import fs from "node:fs";
import path from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import { paths } from "./config";
import { buildFederatedSchema } from "./schema";

export const SUBGRAPH_SDL_PATH = path.join(paths.projectRoot, "schema/subgraph.graphql");

export async function printSubgraphSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildFederatedSchema()).trim()}\n`;
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
