// How the router resolves a Place it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const placeReference = referenceById<Context>("Place", ({ loaders }) => loaders.place.byId);
