import { PUBLIC } from "../graphql/federation";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ClaimantKind } from "../generated/prisma/enums";
import { DateTimeScalar } from "../graphql/scalars";

registerEnumType(ClaimantKind, { name: "ClaimantKind" });
export { ClaimantKind };

@ObjectType({ simpleResolvers: true, description: 'Who made a claim: the UN, an Interior Ministry, or unnamed "reports".' })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
export class Claimant {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ClaimantKind)
  kind: ClaimantKind;

  @Field(() => DateTimeScalar, { nullable: true, description: "When an editor merged this claimant into another (`mergedInto`); null: not merged." })
  mergedAt: Date | null;

  countryId: string | null;
  organizationId: string | null;
  mergedIntoId: string | null;
}
