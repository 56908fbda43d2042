// Mutation and CLI input naming a country by its ISO code (crises,
// organisations): the reference data's row, or the refusal input-checks gives.
import type { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { refuse } from "../graphql/input-checks";

/** The id of the reference data's country of an ISO 3166-1 alpha-2 code, in any case; reason UNKNOWN_COUNTRY. */
export async function countryId(db: Prisma.TransactionClient | PrismaClient, code: string, argumentName: string): Promise<string> {
  const iso = code.trim().toUpperCase();
  const country = /^[A-Z]{2}$/.test(iso) ? await db.country.findUnique({ where: { isoCode: iso }, select: { id: true } }) : null;
  if (!country) throw refuse("UNKNOWN_COUNTRY", `"${argumentName}" must be the ISO 3166-1 alpha-2 code of a country ("SD", "KZ"), got "${code.slice(0, 20)}"`, argumentName);
  return country.id;
}
