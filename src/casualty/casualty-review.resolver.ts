import { AUTHENTICATED, WRITE_SCOPE } from "../graphql/federation";
import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import { requireScope, Scope } from "../auth/api-keys";
import type { Context } from "../context";
import { parseId } from "../graphql/ids";
import { DateScalar } from "../graphql/scalars";
import { badInput } from "../errors";
import { correctClaim, reviewClaim } from "./casualty-review.service";
import { AffectedGroup, CasualtyCategory, CasualtyStatistic, ClaimStatus, Qualifier } from "./casualty-statistic.type";

const MAX_NOTE = 2000;

@InputType({ description: "What an editor changes in a claim; omitted fields keep the original's value." })
export class CasualtyStatisticCorrection {
  @Field(() => CasualtyCategory, { nullable: true })
  category?: CasualtyCategory | null;

  @Field(() => AffectedGroup, { nullable: true })
  affectedGroup?: AffectedGroup | null;

  @Field(() => String, { nullable: true })
  affectedGroupText?: string | null;

  @Field(() => Qualifier, { nullable: true })
  qualifier?: Qualifier | null;

  @Field(() => String, { nullable: true })
  figureText?: string | null;

  @Field(() => Int, { nullable: true })
  low?: number | null;

  @Field(() => Int, { nullable: true })
  best?: number | null;

  @Field(() => Int, { nullable: true, description: "null: no ceiling." })
  high?: number | null;

  @Field(() => ID, { nullable: true })
  claimantId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The report day, when the editor knows it (also for a claim whose article gave no date)." })
  reportedAt?: Date | null;

  @Field(() => ClaimStatus, { nullable: true })
  status?: ClaimStatus | null;

  @Field(() => Boolean, { nullable: true, description: "true: the figure adds to an earlier one, not a total." })
  increment?: boolean | null;

  @Field(() => Int, { nullable: true, description: "New quote start in the article body; the quote is re-read from the body." })
  quoteStart?: number | null;

  @Field(() => Int, { nullable: true })
  quoteEnd?: number | null;
}

function reviewNote(note: string | null | undefined): string | null {
  if (note != null && note.length > MAX_NOTE) throw badInput(`"note" must be at most ${MAX_NOTE} characters`, "note");
  return note ?? null;
}

@Resolver()
export class CasualtyReviewResolver {
  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => CasualtyStatistic, { description: "Marks a claim as checked by an editor. Needs the `write` scope." })
  confirmCasualtyStatistic(
    @Arg("id", () => ID) id: string,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() { prisma, caller }: Context,
  ) {
    return reviewClaim(prisma, parseId(id), "CONFIRMED", requireScope(caller, Scope.WRITE), reviewNote(note));
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => CasualtyStatistic, { description: "Marks a claim as wrong (kept, but left out of summaries). Needs the `write` scope." })
  rejectCasualtyStatistic(
    @Arg("id", () => ID) id: string,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() { prisma, caller }: Context,
  ) {
    return reviewClaim(prisma, parseId(id), "REJECTED", requireScope(caller, Scope.WRITE), reviewNote(note));
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => CasualtyStatistic, {
    description: "Replaces a claim with a corrected one, which is returned; the original is kept and linked (`correctionOf` / `correctedBy`). Needs the `write` scope.",
  })
  correctCasualtyStatistic(
    @Arg("id", () => ID) id: string,
    @Arg("correction", () => CasualtyStatisticCorrection) correction: CasualtyStatisticCorrection,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() { prisma, caller }: Context,
  ) {
    const editor = requireScope(caller, Scope.WRITE);
    if (correction.claimantId) parseId(correction.claimantId, "claimantId");
    return correctClaim(prisma, parseId(id), correction, editor, reviewNote(note));
  }
}
