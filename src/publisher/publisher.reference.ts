// How the router resolves a Publisher it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const publisherReference = referenceById<Context>("Publisher", ({ loaders }) => loaders.publisher.byId);
