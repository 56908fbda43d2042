import type { Parent } from "../graphql/parent";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { ArticleConnection } from "../article/article.type";
import { childConnection } from "../data/child-connection";
import { parseId } from "../graphql/ids";
import { PageArgs } from "../graphql/connection";
import { Country } from "../country/country.type";
import { EventConnection } from "../event/event.type";
import { Chairmanship, Organization } from "../organization/organization.type";
import { Person, PersonRole } from "./person.type";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "A person by id; null when there is none." })
  person(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.person.byId.load(parseId(id));
  }

  @FieldResolver(() => [PersonRole], { description: "Titles held, oldest first." })
  roles(@Root() person: Parent<Person>, @Ctx() { loaders }: Context) {
    return loaders.person.roles.load(person.id);
  }

  @FieldResolver(() => [Chairmanship], { description: "Chairmanships held for a country." })
  chairmanships(@Root() person: Parent<Person>, @Ctx() { loaders }: Context) {
    return loaders.organization.chairmanshipsOfPerson.load(person.id);
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles that mention this person, newest first." })
  articles(@Root() person: Parent<Person>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.mentioningPerson, person.id, page, "publishedAt");
  }

  @FieldResolver(() => EventConnection, { description: "Events this person took part in, in time order." })
  events(@Root() person: Parent<Person>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.event.withPerson, person.id, page, "startDate");
  }
}

@Resolver(() => PersonRole)
export class PersonRoleResolver {
  @FieldResolver(() => Country, { nullable: true })
  country(@Root() role: Parent<PersonRole>, @Ctx() { loaders }: Context) {
    return role.countryId ? loaders.country.byId.load(role.countryId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() role: Parent<PersonRole>, @Ctx() { loaders }: Context) {
    return role.organizationId ? loaders.organization.byId.load(role.organizationId) : null;
  }
}
