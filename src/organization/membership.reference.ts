// How the router resolves a Membership it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const membershipReference = referenceById<Context>("Membership", ({ loaders }) => loaders.organization.membershipById);
