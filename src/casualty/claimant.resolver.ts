import type { Parent } from "../common/parent";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { childConnection } from "../common/child-connection";
import { parseId } from "../common/ids";
import { PageArgs } from "../common/pagination";
import { Country } from "../country/country.type";
import { Organization } from "../organization/organization.type";
import { CasualtyStatisticConnection } from "./casualty-statistic.type";
import { Claimant } from "./claimant.type";

@Resolver(() => Claimant)
export class ClaimantResolver {
  @Query(() => Claimant, { nullable: true })
  claimant(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.claimant.byId.load(parseId(id));
  }

  @Query(() => [Claimant], { description: "Everyone who made a claim, by name." })
  claimants(@Ctx() { prisma }: Context) {
    return prisma.claimant.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  @FieldResolver(() => CasualtyStatisticConnection, { description: "This claimant's figures, newest report first." })
  casualtyStatistics(@Root() claimant: Parent<Claimant>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.casualtyStatistic.byClaimant, claimant.id, page, "reportedAt");
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() claimant: Parent<Claimant>, @Ctx() { loaders }: Context) {
    return claimant.countryId ? loaders.country.byId.load(claimant.countryId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() claimant: Parent<Claimant>, @Ctx() { loaders }: Context) {
    return claimant.organizationId ? loaders.organization.byId.load(claimant.organizationId) : null;
  }
}
