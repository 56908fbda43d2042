// The Prisma enums, registered once as GraphQL enums of the same names.
import { registerEnumType } from "type-graphql";
import {
  AffectedGroup,
  CasualtyCategory,
  ClaimantKind,
  DatePrecision,
  EventType,
  MembershipStatus,
  PlaceKind,
  Qualifier,
  ReviewStatus,
} from "../generated/prisma/enums";

registerEnumType(EventType, { name: "EventType", description: "What kind of event (after ACLED's event types)." });
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How exactly a date is known (after UCDP's date_prec): DAY exact; APPROXIMATE about then; RANGE somewhere between start and end; MONTH; YEAR.",
});
registerEnumType(CasualtyCategory, { name: "CasualtyCategory" });
registerEnumType(AffectedGroup, { name: "AffectedGroup", description: "Whom a figure counts. Figures of different groups are never summed." });
registerEnumType(Qualifier, {
  name: "Qualifier",
  description:
    "How the text hedged the figure. low/best/high follow one rule: EXACT n → n/n/n; AROUND, AT_LEAST, OVER, MORE_THAN, EXCEEDED n → low=best=n, high unknown; UP_TO, FEWER_THAN, NEARLY, ALMOST n → 0/n/n (the text states a ceiling, no floor); DOZENS 12, SEVERAL_DOZEN 24, SCORES 40, HUNDREDS 100, SEVERAL_HUNDRED 200, THOUSANDS 1000 (ACLED's conservative coding), high unknown.",
});
registerEnumType(ReviewStatus, { name: "ReviewStatus" });
registerEnumType(ClaimantKind, { name: "ClaimantKind" });
registerEnumType(MembershipStatus, { name: "MembershipStatus" });
registerEnumType(PlaceKind, { name: "PlaceKind" });

export { AffectedGroup, CasualtyCategory, ClaimantKind, DatePrecision, EventType, MembershipStatus, PlaceKind, Qualifier, ReviewStatus };
