import type { Parent } from "../graphql/parent";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireScope, Scope } from "../auth/api-keys";
import { AUTHENTICATED, WRITE_SCOPE } from "../graphql/federation";
import { mergeClaimants } from "./claimant-merge.service";
import type { Context } from "../context";
import { childConnection } from "../data/child-connection";
import { parseId } from "../graphql/ids";
import { PageArgs } from "../graphql/connection";
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
    return childConnection(loaders.casualtyStatistic.claimantCasualtyStatistics, claimant.id, page, "reportedAt");
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Claimant, {
    description:
      "Merges two claimants that are one body (\"Sudanese Health Ministry\" and \"Ministry of Health of Sudan\"): `from`'s claims move to `into`, which is returned; `from` stays, with `mergedInto`, and each moved claim keeps it as `claimantBeforeMerge`. Later pages naming `from` file their claims under `into`. Unknown id: NOT_FOUND; the same claimant twice, or one already merged: BAD_USER_INPUT (`reason` SAME_CLAIMANT, ALREADY_MERGED). Needs the `write` scope.",
  })
  mergeClaimants(@Arg("into", () => ID) into: string, @Arg("from", () => ID) from: string, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return mergeClaimants(prisma, parseId(into, "into"), parseId(from, "from"));
  }

  @FieldResolver(() => Claimant, { nullable: true, description: "The claimant an editor merged this one into; null: not merged." })
  mergedInto(@Root() claimant: Parent<Claimant>, @Ctx() { loaders }: Context) {
    return claimant.mergedIntoId ? loaders.claimant.byId.load(claimant.mergedIntoId) : null;
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
