// How the router resolves a Person it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const personReference = referenceById<Context>("Person", ({ loaders }) => loaders.person.byId);
