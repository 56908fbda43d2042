import type { Parent } from "../graphql/parent";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { parseId } from "../graphql/ids";
import { Country } from "../country/country.type";
import { Person, PersonRole } from "./person.type";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "A person by id; null when there is none." })
  person(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.person.byId.load(parseId(id));
  }

  @FieldResolver(() => [PersonRole], { description: "Titles held, oldest first." })
  roles(@Root() person: Parent<Person>, @Ctx() { loaders }: Context) {
    return loaders.person.personRoles.load(person.id);
  }
}

@Resolver(() => PersonRole)
export class PersonRoleResolver {
  @FieldResolver(() => Country, { nullable: true })
  country(@Root() role: Parent<PersonRole>, @Ctx() { loaders }: Context) {
    return role.countryId ? loaders.country.byId.load(role.countryId) : null;
  }
}
