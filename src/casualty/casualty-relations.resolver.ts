// The fields of lower domains' types that lead to casualty rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { childConnection } from "../data/child-connection";
import { PageArgs } from "../graphql/connection";
import { preloadedOr } from "../data/preload";
import { Article } from "../article/article.type";
import { CasualtyStatistic, CasualtyStatisticConnection } from "./casualty-statistic.type";
import { Claimant } from "./claimant.type";
import { Country } from "../country/country.type";
import { Crisis } from "../crisis/crisis.type";
import { Organization } from "../organization/organization.type";
import { Place } from "../place/place.type";

@Resolver(() => Country)
export class CasualtyFieldsOfCountryResolver {
  @FieldResolver(() => [Claimant], { description: "Claimants of this country (its ministries, officials)." })
  claimants(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.claimant.countryClaimants.load(country.id);
  }
}

@Resolver(() => Organization)
export class CasualtyFieldsOfOrganizationResolver {
  @FieldResolver(() => [Claimant], { description: "Claimants that speak for this organisation." })
  claimants(@Root() organization: Parent<Organization>, @Ctx() { loaders }: Context) {
    return loaders.claimant.organizationClaimants.load(organization.id);
  }
}

@Resolver(() => Article)
export class CasualtyFieldsOfArticleResolver {
  @FieldResolver(() => [CasualtyStatistic], { description: "Casualty and detention claims in this article, in text order." })
  casualtyStatistics(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return preloadedOr(article, "casualtyStatistics", () => loaders.casualtyStatistic.articleCasualtyStatistics.load(article.id));
  }
}

@Resolver(() => Crisis)
export class CasualtyFieldsOfCrisisResolver {
  @FieldResolver(() => CasualtyStatisticConnection, { description: "Casualty and detention claims, newest report first." })
  casualtyStatistics(@Root() crisis: Parent<Crisis>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.casualtyStatistic.crisisCasualtyStatistics, crisis.id, page, "reportedAt");
  }
}

@Resolver(() => Place)
export class CasualtyFieldsOfPlaceResolver {
  @FieldResolver(() => CasualtyStatisticConnection, { description: "Casualty claims about this place, newest report first." })
  casualtyStatistics(@Root() place: Parent<Place>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.casualtyStatistic.placeCasualtyStatistics, place.id, page, "reportedAt");
  }
}
