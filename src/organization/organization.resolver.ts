import type { Parent } from "../common/parent";
import { PUBLIC } from "../common/federation";
import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Claimant } from "../casualty/claimant.type";
import { utcDay } from "../common/dates";
import { parseId } from "../common/ids";
import { DateScalar } from "../common/scalars";
import { Country } from "../country/country.type";
import { Person } from "../person/person.type";
import { Chairmanship, Membership, Organization } from "./organization.type";

const CSTO = "CSTO";

/** A calendar day: `asOf` when given, else today (UTC). */
function day(asOf: Date | undefined | null): Date {
  return utcDay(asOf ?? new Date());
}

const asOfDescription = "The day to answer for (YYYY-MM-DD); today when omitted.";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "An organisation by id; null when there is none." })
  @Directive(PUBLIC)
  organization(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.organization.byId.load(parseId(id));
  }

  @Query(() => [Organization], { description: "All organisations, by name." })
  organizations(@Ctx() { prisma }: Context) {
    return prisma.organization.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  @Query(() => [Country], { description: "Member states of the CSTO on a day, by name." })
  @Directive(PUBLIC)
  async cstoMembers(@Arg("asOf", () => DateScalar, { nullable: true, description: asOfDescription }) asOf: Date | undefined, @Ctx() context: Context) {
    const csto = await context.loaders.organization.byAcronym.load(CSTO);
    return csto ? membersOn(csto.id, day(asOf), context) : [];
  }

  @Query(() => Chairmanship, { nullable: true, description: "Who chaired the CSTO on a day; null when no chair is recorded." })
  @Directive(PUBLIC)
  async cstoChair(@Arg("asOf", () => DateScalar, { nullable: true, description: asOfDescription }) asOf: Date | undefined, @Ctx() { loaders }: Context) {
    const csto = await loaders.organization.byAcronym.load(CSTO);
    return csto ? loaders.organization.chairOn(day(asOf)).load(csto.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation this one is a body of." })
  parent(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return organization.parentId ? loaders.organization.byId.load(organization.parentId) : null;
  }

  @FieldResolver(() => [Organization], { description: "Bodies of this organisation (e.g. the CSTO's Collective Security Council)." })
  bodies(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.bodies.load(organization.id);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country a national body belongs to." })
  country(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return organization.countryId ? loaders.country.byId.load(organization.countryId) : null;
  }

  @FieldResolver(() => [Claimant], { description: "Claimants that speak for this organisation." })
  claimants(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.claimants.load(organization.id);
  }

  @FieldResolver(() => [Membership], { description: "The whole membership history, oldest first." })
  memberships(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.membershipsOfOrganization.load(organization.id);
  }

  @FieldResolver(() => [Chairmanship], { description: "The whole chairmanship history, oldest first." })
  chairmanships(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.chairmanshipsOfOrganization.load(organization.id);
  }

  @FieldResolver(() => [Country], { description: "Member states on a day, by name." })
  members(
    @Root() organization: Parent<Organization>,
    @Arg("asOf", () => DateScalar, { nullable: true, description: asOfDescription }) asOf: Date | undefined,
    @Ctx() context: Context,
  ) {
    return membersOn(organization.id, day(asOf), context);
  }

  @FieldResolver(() => Chairmanship, { nullable: true, description: "The chair on a day." })
  chair(
    @Root() organization: Parent<Organization>,
    @Arg("asOf", () => DateScalar, { nullable: true, description: asOfDescription }) asOf: Date | undefined,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.organization.chairOn(day(asOf)).load(organization.id);
  }
}

async function membersOn(organizationId: string, on: Date, { loaders }: Context) {
  const memberships = await loaders.organization.membersOn(on).load(organizationId);
  const countries = await loaders.country.byId.loadMany(memberships.map((membership) => membership.countryId));
  return countries
    .filter((country): country is Country => country !== null && !(country instanceof Error))
    .sort((a, b) => a.name.localeCompare(b.name));
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Country)
  country(@Root() membership: Parent<Membership>, @Ctx() { loaders }: Context) {
    return loaders.country.byId.load(membership.countryId);
  }

  @FieldResolver(() => Organization)
  organization(@Root() membership: Parent<Membership>, @Ctx() { loaders }: Context) {
    return loaders.organization.byId.load(membership.organizationId);
  }
}

@Resolver(() => Chairmanship)
export class ChairmanshipResolver {
  @FieldResolver(() => Country)
  country(@Root() chairmanship: Parent<Chairmanship>, @Ctx() { loaders }: Context) {
    return loaders.country.byId.load(chairmanship.countryId);
  }

  @FieldResolver(() => Organization)
  organization(@Root() chairmanship: Parent<Chairmanship>, @Ctx() { loaders }: Context) {
    return loaders.organization.byId.load(chairmanship.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who held the chair for the country, when known." })
  person(@Root() chairmanship: Parent<Chairmanship>, @Ctx() { loaders }: Context) {
    return chairmanship.personId ? loaders.person.byId.load(chairmanship.personId) : null;
  }
}
