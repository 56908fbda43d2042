// A second, small subgraph — what another team might run beside ours: reader
// comments and fact-checks on our Article, press-freedom ranks on our Country
// (joined by ISO code), and a legacy `Article.wordCount` our subgraph is ready
// to take over (`@override(from: "media", label: "percent(0)")`). Its SDL is
// schema/media-subgraph.graphql; this file serves it, with canned data.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import fs from "node:fs";
import { parse } from "graphql";
import { MEDIA_SDL_PATH } from "../../src/print-schema";

/** The SDL it serves: schema/media-subgraph.graphql, the one the committed supergraph is composed with. */
export const MEDIA_SDL = fs.readFileSync(MEDIA_SDL_PATH, "utf8");

const PRESS_FREEDOM: Record<string, number> = { AM: 51, KG: 72, KZ: 122, RU: 155, BY: 153, TJ: 152 };

export function mediaResolvers(articleIds: string[]) {
  const commentsOf = (id: string) => [
    { id: `${id}:1`, author: "reader-1", text: `First comment on ${id}`, articleId: id },
    { id: `${id}:2`, author: "reader-2", text: `Second comment on ${id}`, articleId: id },
  ];
  return {
    Query: {
      latestComments: () => articleIds.flatMap(commentsOf),
      pressFreedomIndex: () =>
        Object.entries(PRESS_FREEDOM)
          .sort((a, b) => a[1] - b[1])
          .map(([isoCode]) => ({ isoCode })),
    },
    Article: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      comments: (article: { id: string }) => commentsOf(article.id),
      factChecks: (article: { id: string }) => [{ id: `${article.id}:fc`, verdict: "UNVERIFIED", summary: "Figures not independently confirmed." }],
      wordCount: () => -1,
    },
    Comment: { article: (comment: { articleId: string }) => ({ id: comment.articleId }) },
    Country: {
      __resolveReference: (reference: { isoCode: string }) => ({ isoCode: reference.isoCode }),
      pressFreedomRank: (country: { isoCode: string }) => PRESS_FREEDOM[country.isoCode] ?? null,
    },
  };
}

export async function startMediaSubgraph(articleIds: string[]) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(MEDIA_SDL), resolvers: mediaResolvers(articleIds) as never }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}
