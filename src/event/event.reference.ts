// How the router resolves a Event it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const eventReference = referenceById<Context>("Event", ({ loaders }) => loaders.event.byId);
