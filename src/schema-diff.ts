// Changes that would break other teams' operations, found by comparing two
// subgraph SDLs (the committed contract and the current schema).
import { buildASTSchema, findBreakingChanges, parse } from "graphql";

export function breakingChanges(beforeSdl: string, afterSdl: string): string[] {
  // `_service { sdl }` carries the federation definitions it uses, so the SDL builds as it is.
  const build = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });
  return findBreakingChanges(build(beforeSdl), build(afterSdl)).map((change) => `${change.type}: ${change.description}`);
}
