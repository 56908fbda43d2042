import type { Chairmanship, Membership, Organization as OrganizationRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, loaderFamily, LoaderOptions, rowLoader } from "../data/loaders";

/** Valid on a day: started on or before it, and not yet ended (`to` is exclusive). */
export function validOn(day: Date) {
  return { from: { lte: day }, OR: [{ to: null }, { to: { gt: day } }] };
}

const acronymKey = (row: OrganizationRow) => (row.acronym as string).toUpperCase();

export function createOrganizationLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<OrganizationRow>(prisma, "Organization", options),
    /** By upper-case acronym, matched in any case: a top-level organisation before a body, then by name. */
    byAcronym: rowLoader(
      async (acronyms: string[]) => {
        const rows = await prisma.organization.findMany({
          where: { OR: acronyms.map((acronym) => ({ acronym: { equals: acronym, mode: "insensitive" as const } })) },
          orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
        });
        // The first row of an acronym is its answer.
        const first = new Map<string, OrganizationRow>();
        for (const row of rows) if (!first.has(acronymKey(row))) first.set(acronymKey(row), row);
        return [...first.values()];
      },
      acronymKey,
      options,
    ),
    countryOrganizations: groupLoader(
      (ids: string[]) => prisma.organization.findMany({ where: { countryId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: OrganizationRow) => row.countryId as string,
      options,
    ),
    organizationBodies: groupLoader(
      (ids: string[]) => prisma.organization.findMany({ where: { parentId: { in: ids } }, orderBy: { name: "asc" } }),
      (row: OrganizationRow) => row.parentId as string,
      options,
    ),
    organizationMemberships: groupLoader(
      (ids: string[]) => prisma.membership.findMany({ where: { organizationId: { in: ids } }, orderBy: [{ from: "asc" }, { id: "asc" }] }),
      (row: Membership) => row.organizationId,
      options,
    ),
    countryMemberships: groupLoader(
      (ids: string[]) => prisma.membership.findMany({ where: { countryId: { in: ids } }, orderBy: [{ from: "asc" }, { id: "asc" }] }),
      (row: Membership) => row.countryId,
      options,
    ),
    organizationChairmanships: groupLoader(
      (ids: string[]) => prisma.chairmanship.findMany({ where: { organizationId: { in: ids } }, orderBy: [{ from: "asc" }, { id: "asc" }] }),
      (row: Chairmanship) => row.organizationId,
      options,
    ),
    countryChairmanships: groupLoader(
      (ids: string[]) => prisma.chairmanship.findMany({ where: { countryId: { in: ids } }, orderBy: [{ from: "asc" }, { id: "asc" }] }),
      (row: Chairmanship) => row.countryId,
      options,
    ),
    personChairmanships: groupLoader(
      (ids: string[]) => prisma.chairmanship.findMany({ where: { personId: { in: ids } }, orderBy: [{ from: "asc" }, { id: "asc" }] }),
      (row: Chairmanship) => row.personId as string,
      options,
    ),
    /** Memberships with status MEMBER on a day, per organisation. */
    organizationMembers: loaderFamily((day: Date) =>
      groupLoader(
        (ids: string[]) =>
          prisma.membership.findMany({
            where: { organizationId: { in: ids }, status: "MEMBER", ...validOn(day) },
            orderBy: [{ from: "asc" }, { id: "asc" }],
          }),
        (row: Membership) => row.organizationId,
        options,
      ),
    ),
    /** The chairmanship in force on a day, per organisation. */
    organizationChair: loaderFamily((day: Date) =>
      rowLoader(
        (ids: string[]) => prisma.chairmanship.findMany({ where: { organizationId: { in: ids }, ...validOn(day) } }),
        (row: Chairmanship) => row.organizationId,
        options,
      ),
    ),
    membershipById: rowLoader((ids: string[]) => prisma.membership.findMany({ where: { id: { in: ids } } }), (row) => row.id, options),
    chairmanshipById: rowLoader((ids: string[]) => prisma.chairmanship.findMany({ where: { id: { in: ids } } }), (row) => row.id, options),
  };
}
