import type { PrismaClient } from "../db/prisma";
import { byIdLoader, LoaderOptions } from "../data/loaders";
import type { PreloadRegistry } from "../data/preload";
import type { Publisher as PublisherRow } from "../generated/prisma/client";

/** Article.publisher, fetched ahead for a page (data/preload.ts) as `byId` fetches it. */
export const publisherPreloads: PreloadRegistry = {
  Article: {
    publisher: {
      type: "Publisher",
      many: false,
      from: (article, publisher) => `FROM "Publisher" ${publisher} WHERE ${publisher}.id = ${article}."publisherId"`,
      model: "Publisher",
    },
  },
};

export function createPublisherLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<PublisherRow>(prisma, "Publisher", options),
  };
}
