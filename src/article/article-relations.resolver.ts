// The fields of lower domains' types that lead to article rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { childConnection } from "../data/child-connection";
import { PageArgs } from "../graphql/connection";
import { ArticleConnection } from "./article.type";
import { Country } from "../country/country.type";
import { Crisis } from "../crisis/crisis.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { Publisher } from "../publisher/publisher.type";

@Resolver(() => Country)
export class ArticleFieldsOfCountryResolver {
  @FieldResolver(() => ArticleConnection, { description: "Articles that name this country, newest first." })
  articles(@Root() country: Parent<Country>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.countryArticles, country.id, page, "publishedAt");
  }
}

@Resolver(() => Crisis)
export class ArticleFieldsOfCrisisResolver {
  @FieldResolver(() => ArticleConnection, { description: "Articles about this crisis, newest first." })
  articles(@Root() crisis: Parent<Crisis>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.crisisArticles, crisis.id, page, "publishedAt");
  }
}

@Resolver(() => Person)
export class ArticleFieldsOfPersonResolver {
  @FieldResolver(() => ArticleConnection, { description: "Articles that mention this person, newest first." })
  articles(@Root() person: Parent<Person>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.personArticles, person.id, page, "publishedAt");
  }
}

@Resolver(() => Place)
export class ArticleFieldsOfPlaceResolver {
  @FieldResolver(() => ArticleConnection, { description: "Articles that mention this place, newest first." })
  articles(@Root() place: Parent<Place>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.placeArticles, place.id, page, "publishedAt");
  }
}

@Resolver(() => Publisher)
export class ArticleFieldsOfPublisherResolver {
  @FieldResolver(() => ArticleConnection, { description: "This publisher's articles, newest first." })
  articles(@Root() publisher: Parent<Publisher>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.publisherArticles, publisher.id, page, "publishedAt");
  }
}
