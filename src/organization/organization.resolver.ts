import type { Parent } from "../graphql/parent";
import { PUBLIC } from "../graphql/federation";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireScope, Scope } from "../auth/api-keys";
import { AUTHENTICATED, WRITE_SCOPE } from "../graphql/federation";
import type { Context } from "../context";
import { badInput } from "../errors";
import { utcDay } from "../data/dates";
import { parseId } from "../graphql/ids";
import { DateScalar } from "../graphql/scalars";
import { Country } from "../country/country.type";
import { Person } from "../person/person.type";
import { Chairmanship, Membership, MembershipStatus, Organization } from "./organization.type";
import { addChairmanship, addMembership, createOrganization, endMembership } from "./organization.service";

const CSTO = "CSTO";
const REFUSALS = "Refusals are BAD_USER_INPUT with `extensions.reason`";
const PERIOD_HELP = "`to` is exclusive (the first day it no longer holds), null while it lasts";

@InputType({ description: `A new organisation: an alliance, one of its bodies, a national agency. ${REFUSALS}: BLANK, DUPLICATE_NAME (in any case), UNKNOWN_ORGANIZATION, UNKNOWN_COUNTRY, INVALID_DATE.` })
export class CreateOrganizationInput {
  @Field({ description: "Its name, unique in any case (at most 200 characters)." })
  name: string;

  @Field(() => String, { nullable: true, description: 'E.g. "CSTO" (at most 20 characters): `organization(acronym:)` finds it.' })
  acronym?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true })
  foundedOn?: Date | null;

  @Field(() => ID, { nullable: true, description: "The organisation this one is a body of." })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "The country a national body belongs to (ISO 3166-1 alpha-2)." })
  countryIsoCode?: string | null;
}

@InputType({ description: `A country's membership of an organisation over a period; ${PERIOD_HELP}. ${REFUSALS}: UNKNOWN_ORGANIZATION, UNKNOWN_COUNTRY, INVALID_DATE, END_NOT_AFTER_START, OVERLAPPING_MEMBERSHIP (a status change ends one row and starts the next on the same day).` })
export class AddMembershipInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: "ISO 3166-1 alpha-2, e.g. UZ." })
  countryIsoCode: string;

  @Field(() => MembershipStatus, { description: "MEMBER counts in `members(asOf)`; SUSPENDED and OBSERVER do not." })
  status: MembershipStatus;

  @Field(() => DateScalar)
  from: Date;

  @Field(() => DateScalar, { nullable: true })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "Sources and caveats for the dates." })
  note?: string | null;
}

@InputType({ description: `The day a membership ends (a withdrawal, a suspension's first day). ${REFUSALS}: INVALID_DATE, END_NOT_AFTER_START, OVERLAPPING_MEMBERSHIP; an unknown membership is NOT_FOUND.` })
export class EndMembershipInput {
  @Field(() => ID)
  membershipId: string;

  @Field(() => DateScalar, { description: "The first day it no longer holds; may also correct an earlier end." })
  to: Date;

  @Field(() => String, { nullable: true, description: "Replaces the membership's note when given." })
  note?: string | null;
}

@InputType({ description: `A country chairing an organisation over a period; ${PERIOD_HELP}. ${REFUSALS}: UNKNOWN_ORGANIZATION, UNKNOWN_COUNTRY, INVALID_DATE, END_NOT_AFTER_START, OVERLAPPING_CHAIRMANSHIP.` })
export class AddChairmanshipInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: "ISO 3166-1 alpha-2, e.g. KG." })
  countryIsoCode: string;

  @Field(() => DateScalar)
  from: Date;

  @Field(() => DateScalar, { nullable: true })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "Who holds the chair for the country: the person of that name, made when there is none." })
  personName?: string | null;
}

/** A calendar day: `asOf` when given, else today (UTC). */
function day(asOf: Date | undefined | null): Date {
  return utcDay(asOf ?? new Date());
}

const asOfDescription = "The day to answer for (YYYY-MM-DD); today when omitted.";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description: "An organisation by id or by acronym (give exactly one); the acronym in any case, a top-level organisation before a body of the same acronym. Null when there is none.",
  })
  @Directive(PUBLIC)
  organization(
    @Arg("id", () => ID, { nullable: true }) id: string | undefined,
    @Arg("acronym", () => String, { nullable: true }) acronym: string | undefined,
    @Ctx() { loaders }: Context,
  ) {
    if ((id == null) === (acronym == null)) throw badInput('Give exactly one of "id" and "acronym"', id == null ? "id" : "acronym");
    return id != null ? loaders.organization.byId.load(parseId(id)) : byAcronym(acronym as string, loaders);
  }

  @Query(() => [Organization], { description: "All organisations, by name." })
  organizations(@Ctx() { prisma }: Context) {
    return prisma.organization.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  @Query(() => [Country], { description: "Member states of the CSTO on a day, by name." })
  @Directive(PUBLIC)
  async cstoMembers(@Arg("asOf", () => DateScalar, { nullable: true, description: asOfDescription }) asOf: Date | undefined, @Ctx() context: Context) {
    const csto = await byAcronym(CSTO, context.loaders);
    return csto ? membersOn(csto.id, day(asOf), context) : [];
  }

  @Query(() => Chairmanship, { nullable: true, description: "Who chaired the CSTO on a day; null when no chair is recorded." })
  @Directive(PUBLIC)
  async cstoChair(@Arg("asOf", () => DateScalar, { nullable: true, description: asOfDescription }) asOf: Date | undefined, @Ctx() { loaders }: Context) {
    const csto = await byAcronym(CSTO, loaders);
    return csto ? loaders.organization.organizationChair(day(asOf)).load(csto.id) : null;
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Organization, { description: "Adds an organisation (an alliance, one of its bodies). Needs the `write` scope." })
  createOrganization(@Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return createOrganization(prisma, input);
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Membership, { description: "Records a country's membership of an organisation over a period. Needs the `write` scope." })
  addMembership(@Arg("input", () => AddMembershipInput) input: AddMembershipInput, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return addMembership(prisma, input);
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Membership, { description: "Ends a membership on a day (a withdrawal; a status change is this and `addMembership` from the same day). Needs the `write` scope." })
  endMembership(@Arg("input", () => EndMembershipInput) input: EndMembershipInput, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return endMembership(prisma, input);
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Chairmanship, { description: "Records who chaired an organisation over a period. Needs the `write` scope." })
  addChairmanship(@Arg("input", () => AddChairmanshipInput) input: AddChairmanshipInput, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return addChairmanship(prisma, input);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation this one is a body of." })
  parent(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return organization.parentId ? loaders.organization.byId.load(organization.parentId) : null;
  }

  @FieldResolver(() => [Organization], { description: "Bodies of this organisation (e.g. the CSTO's Collective Security Council)." })
  bodies(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.organizationBodies.load(organization.id);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country a national body belongs to." })
  country(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return organization.countryId ? loaders.country.byId.load(organization.countryId) : null;
  }

  @FieldResolver(() => [Membership], { description: "The whole membership history, oldest first." })
  memberships(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.organizationMemberships.load(organization.id);
  }

  @FieldResolver(() => [Chairmanship], { description: "The whole chairmanship history, oldest first." })
  chairmanships(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.organization.organizationChairmanships.load(organization.id);
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
    return loaders.organization.organizationChair(day(asOf)).load(organization.id);
  }
}

/** `organization(acronym:)`, which `cstoMembers` and `cstoChair` are one case of. */
function byAcronym(acronym: string, loaders: Context["loaders"]) {
  return loaders.organization.byAcronym.load(acronym.trim().toUpperCase());
}

async function membersOn(organizationId: string, on: Date, { loaders }: Context) {
  const memberships = await loaders.organization.organizationMembers(on).load(organizationId);
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
