import { PUBLIC, REFERENCE_DATA_CACHE } from "../graphql/federation";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { MembershipStatus } from "../generated/prisma/enums";
import { DateScalar } from "../graphql/scalars";

registerEnumType(MembershipStatus, { name: "MembershipStatus" });
export { MembershipStatus };

@ObjectType({ simpleResolvers: true, description: "An organisation: an alliance such as the CSTO, one of its bodies, a ministry, an agency." })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
@Directive(REFERENCE_DATA_CACHE)
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  acronym: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateScalar, { nullable: true })
  foundedOn: Date | null;

  parentId: string | null;
  countryId: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A country's membership of an organisation over a period; `to` is exclusive, null while it lasts." })
@Directive('@key(fields: "id")')
@Directive(REFERENCE_DATA_CACHE)
export class Membership {
  @Field(() => ID)
  id: string;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field(() => DateScalar)
  from: Date;

  @Field(() => DateScalar, { nullable: true })
  to: Date | null;

  @Field(() => String, { nullable: true, description: "Sources and caveats for the dates." })
  note: string | null;

  countryId: string;
  organizationId: string;
}

@ObjectType({ simpleResolvers: true, description: "A country chairing an organisation over a period; `to` is exclusive, null while it lasts." })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
@Directive(REFERENCE_DATA_CACHE)
export class Chairmanship {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar)
  from: Date;

  @Field(() => DateScalar, { nullable: true })
  to: Date | null;

  countryId: string;
  organizationId: string;
  personId: string | null;
}
