// How the router resolves a Organization it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const organizationReference = referenceById<Context>("Organization", ({ loaders }) => loaders.organization.byId);
