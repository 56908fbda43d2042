// How the router resolves a CasualtyStatistic it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";

export const casualtyStatisticReference = referenceById<Context>("CasualtyStatistic", ({ loaders }) => loaders.casualtyStatistic.byId);
