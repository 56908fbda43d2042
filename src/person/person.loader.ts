import type { Person as PersonRow, PersonRole } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader, sqlGroupLoader } from "../data/loaders";

export function createPersonLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<PersonRow>(prisma, "Person", options),
    roles: groupLoader(
      (ids: string[]) => prisma.personRole.findMany({ where: { personId: { in: ids } }, orderBy: [{ from: { sort: "asc", nulls: "first" } }, { title: "asc" }] }),
      (row: PersonRole) => row.personId,
      options,
    ),
    mentionedInArticle: sqlGroupLoader<PersonRow>(
      prisma,
      `SELECT p.*, m."articleId" AS "parentKey" FROM "Person" p JOIN "ArticlePerson" m ON m."personId" = p.id
       WHERE m."articleId" = ANY($1::uuid[]) ORDER BY p.name, p.id`,
      options,
    ),
  };
}
