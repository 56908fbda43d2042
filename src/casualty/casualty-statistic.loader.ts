import type { CasualtyStatistic as CasualtyStatisticRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { currentVersionSql } from "../article/article-versions";
import { childPageLoaders } from "../data/child-pages";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader } from "../data/loaders";
import type { PreloadRegistry, Row } from "../data/preload";

const newestClaimsFirst = { sortColumn: "reportedAt", sortType: "date", direction: "DESC" } as const;

/** Text order: by sentence, then by where the figure stands in it (one sentence often holds two claims). */
function inTextOrder(rows: CasualtyStatisticRow[]): CasualtyStatisticRow[] {
  const position = (row: CasualtyStatisticRow) => row.quote.toLowerCase().indexOf(row.figureText.toLowerCase());
  return rows.sort((a, b) => a.quoteStart - b.quoteStart || position(a) - position(b) || a.id.localeCompare(b.id));
}

/** Article.casualtyStatistics, fetched ahead for a page (data/preload.ts) exactly as `articleCasualtyStatistics` fetches it. */
export const casualtyStatisticPreloads: PreloadRegistry = {
  Article: {
    casualtyStatistics: {
      type: "CasualtyStatistic",
      many: true,
      from: (article, claim) => `FROM "CasualtyStatistic" ${claim} WHERE ${claim}."articleId" = ${article}.id`,
      sort: (rows) => inTextOrder(rows as unknown as CasualtyStatisticRow[]) as unknown as Row[],
      model: "CasualtyStatistic",
      // With reportedAtKnown, which the reportedAt field reads whatever else is selected (these are always fetched).
      sortColumns: ["id", "quote", "quoteStart", "figureText", "reportedAtKnown"],
    },
  },
};

export function createCasualtyStatisticLoaders(prisma: PrismaClient, options: LoaderOptions) {
  // As the root list shows them by default: corrected claims and those of replaced article versions are left out.
  const from = (parentColumn: string) =>
    `SELECT c.*, c."${parentColumn}" AS "parentKey" FROM "CasualtyStatistic" c
     WHERE NOT EXISTS (SELECT 1 FROM "CasualtyStatistic" k WHERE k."correctionOfId" = c.id) AND ${currentVersionSql('c."articleId"')}`;
  return {
    byId: byIdLoader<CasualtyStatisticRow>(prisma, "CasualtyStatistic", options),
    articleCasualtyStatistics: groupLoader(
      async (ids: string[]) => inTextOrder(await prisma.casualtyStatistic.findMany({ where: { articleId: { in: ids } } })),
      (row: CasualtyStatisticRow) => row.articleId,
      options,
    ),
    /** The correction that replaced a claim, keyed by the claim it corrects. */
    casualtyStatisticCorrectedBy: rowLoader(
      (ids: string[]) => prisma.casualtyStatistic.findMany({ where: { correctionOfId: { in: ids } } }),
      (row) => row.correctionOfId as string,
      options,
    ),
    claimantCasualtyStatistics: childPageLoaders<CasualtyStatisticRow>(prisma, { from: from("claimantId"), ...newestClaimsFirst }, options),
    crisisCasualtyStatistics: childPageLoaders<CasualtyStatisticRow>(prisma, { from: from("crisisId"), ...newestClaimsFirst }, options),
    placeCasualtyStatistics: childPageLoaders<CasualtyStatisticRow>(prisma, { from: from("placeId"), ...newestClaimsFirst }, options),
  };
}
