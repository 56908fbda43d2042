// How the router resolves a Crisis it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById, type EntityReference } from "../graphql/federation";

const crisisById = referenceById<Context>("Crisis", ({ loaders }) => loaders.crisis.byId);

/** By id, or by slug. */
export const crisisReference: EntityReference<Context> = {
  type: "Crisis",
  resolve: (reference, context, info) =>
    reference.slug !== undefined
      ? typeof reference.slug === "string" && reference.slug.length <= 100 && !reference.slug.includes("\u0000")
        ? context.loaders.crisis.bySlug.load(reference.slug)
        : null
      : crisisById.resolve(reference, context, info),
};
