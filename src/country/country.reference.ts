// How the router resolves a Country it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById, type EntityReference } from "../graphql/federation";

const countryById = referenceById<Context>("Country", ({ loaders }) => loaders.country.byId);

/** By id, or by ISO 3166-1 alpha-2 code (case-insensitive). */
export const countryReference: EntityReference<Context> = {
  type: "Country",
  resolve: (reference, context, info) =>
    reference.isoCode !== undefined
      ? typeof reference.isoCode === "string" && /^[A-Za-z]{2}$/.test(reference.isoCode)
        ? context.loaders.country.byIsoCode.load(reference.isoCode.toUpperCase())
        : null
      : countryById.resolve(reference, context, info),
};
