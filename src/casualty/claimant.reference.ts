// How the router resolves a Claimant it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const claimantReference = referenceById<Context>("Claimant", ({ loaders }) => loaders.claimant.byId);
