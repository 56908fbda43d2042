import type { Person as PersonRow, PersonRole } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions } from "../data/loaders";

export function createPersonLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<PersonRow>(prisma, "Person", options),
    personRoles: groupLoader(
      (ids: string[]) => prisma.personRole.findMany({ where: { personId: { in: ids } }, orderBy: [{ from: { sort: "asc", nulls: "first" } }, { title: "asc" }] }),
      (row: PersonRole) => row.personId,
      options,
    ),
  };
}
