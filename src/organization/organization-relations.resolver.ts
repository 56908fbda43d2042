// The fields of lower domains' types that lead to organization rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Chairmanship, Membership, Organization } from "./organization.type";
import { Person, PersonRole } from "../person/person.type";

@Resolver(() => Country)
export class OrganizationFieldsOfCountryResolver {
  @FieldResolver(() => [Membership], { description: "Memberships of organisations, oldest first." })
  memberships(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.organization.countryMemberships.load(country.id);
  }

  @FieldResolver(() => [Chairmanship], { description: "Chairmanships of organisations, oldest first." })
  chairmanships(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.organization.countryChairmanships.load(country.id);
  }

  @FieldResolver(() => [Organization], { description: "National bodies of this country (ministries, agencies)." })
  organizations(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.organization.countryOrganizations.load(country.id);
  }
}

@Resolver(() => Person)
export class OrganizationFieldsOfPersonResolver {
  @FieldResolver(() => [Chairmanship], { description: "Chairmanships held for a country." })
  chairmanships(@Root() person: Parent<Person>, @Ctx() { loaders }: Context) {
    return loaders.organization.personChairmanships.load(person.id);
  }
}

@Resolver(() => PersonRole)
export class OrganizationFieldsOfPersonRoleResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() role: Parent<PersonRole>, @Ctx() { loaders }: Context) {
    return role.organizationId ? loaders.organization.byId.load(role.organizationId) : null;
  }
}
