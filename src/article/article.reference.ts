// How the router resolves a Article it holds a key of (Federation's __resolveReference); collected in schema.ts.
import type { Context } from "../context";
import { referenceById } from "../graphql/federation";
import { articlePlan } from "./article.service";

/** With the columns and relations the query selects on Article, fetched in the batch's one statement. */
export const articleReference = referenceById<Context>("Article", ({ loaders }, info) => loaders.article.byIdFor(articlePlan(info, [], loaders.preloads)));
