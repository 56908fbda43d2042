// Composition of this subgraph with others into a supergraph, with
// @apollo/composition (the same rules Rover and GraphOS apply).
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

export interface SubgraphDefinition {
  name: string;
  url: string;
  sdl: string;
}

export function composeSupergraph(subgraphs: SubgraphDefinition[]) {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`) };
}
