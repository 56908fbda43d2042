// How the router resolves a Chairmanship it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const chairmanshipReference = referenceById<Context>("Chairmanship", ({ loaders }) => loaders.organization.chairmanshipById);
