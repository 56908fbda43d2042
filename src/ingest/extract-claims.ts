// Casualty and detention figures in an article body, each with its category,
// group, qualifier, low/best/high, claimant and the exact sentence quoted.
//
// extractClaims(body, options?) → ExtractedClaim[] in text order. Pure.
//
// ── What counts as a claim ──
// A figure (see numbers.ts) tied to a casualty word by one of these readings,
// tried in this order for each figure of a sentence:
//  1. Toll:      "the death toll rose to 164", "a toll of 18", "raising the toll
//                from 8 to 18" (18 only), "the number of those detained has
//                exceeded 5,000", "the number of detainees reached 9,900".
//                The trigger ("toll", "number of ...") must be followed by a
//                link ("rose to", "reached", "stands at", "is", "of", "to",
//                "at") or by an "exceeded"-type hedge, with no other figure
//                in between.
//  2. Verb + object: "killing at least 12 people", "police detained nearly
//                8,000 people", "claimed the lives of 18": the casualty verb
//                directly before the figure, and after it only a group of
//                people or the end of the phrase.
//  3. Subject + verb: "at least 18 police officers have died", "Around 1,000
//                people have been injured", "dozens of protesters were
//                arrested", "18 dead", "over 1,300 wounded", "5,000 detentions",
//                "1,300 wounded police officers", "18 people, including three
//                children, were killed".
//  4. "put the figure at 700": the previous claim's category and group.
//  5. "Among the dead were 18 police officers".
//  6. "including 16 police officers" after a claim: that claim's category.
//  7. Lists: "18 protesters and 5 police officers were killed", "killing 18
//     protesters and 5 officers": the category of the neighbouring figure.
// Categories: killed/died/dead/deaths/death toll/lost their lives/perished/
// fatalities/shot dead/fatally wounded → KILLED; injured/hurt/injuries →
// INJURED; wounded/wounds → WOUNDED; detained/arrested/detentions/arrests/
// detainees/in custody (and the seed's "detains") → DETAINED; hospitalized/
// hospitalised/in hospital/taken to hospital → HOSPITALIZED; missing/
// unaccounted for → MISSING.
//
// ── Deliberately not extracted ──
// Numbers not tied to a casualty word (population "a city of around 2
// million people", "5,000 troops", "18 police stations", burnt vehicles);
// percentages, money, ages ("aged 18", "18-year-old", "those over 65"),
// dates and years, times, ordinals, units (km, days); ranges ("18 to 20",
// "between 18 and 20": the qualifier table has no RANGE); the old figure of a
// revision ("from 8 to 18": only 18, the figure now claimed); increments ("18
// more", "another 5": not totals); combined figures ("killed or injured",
// "dead and wounded": no single category); "casualties" and "casualty toll"
// (killed + injured mixed); "victims" alone; "tens/hundreds of thousands"
// (numbers.ts); "no one", "none of the 18".
//
// ── Affected group ──
// From the noun phrase of the figure, kept as printed in affectedGroupText
// ("police officers and military personnel"); each coordinated noun is
// mapped and mixed groups give ALL:
//   police/officers/security forces/military personnel/servicemen/soldiers/
//   troops/law enforcement/guards/peacekeepers → SECURITY_FORCES;
//   protesters/demonstrators/marchers → PROTESTERS; rioters/bandits/
//   terrorists/looters/militants/gunmen/criminals/attackers → RIOTERS;
//   civilians/bystanders/residents/children/passers-by → CIVILIANS;
//   journalists/students/foreigners/workers/medics/activists/prisoners → OTHER;
//   people/persons/individuals/citizens/men/women/those/detainees → ALL.
// "the number of those detained" keeps "those detained" (the seed keeps
// "those detains"). A figure without a noun ("with over 1,300 wounded",
// "1,000 were injured") takes the group of the previous claim in the sentence
// — except that detention figures and casualty figures do not lend each
// other a group (those detained are rarely the police who died) — else ALL
// with affectedGroupText "".
//
// ── Claimant ──
// Attribution phrases in the sentence: "according to UN estimates", "the UN
// said" → UN; "the Interior Ministry said", "citing the ministry",
// "Kazakhstan's Interior Ministry", "the health ministry", police,
// prosecutors, officials/authorities/government → GOVERNMENT; "Judging by
// reports", "reports say", "local media reported", "reportedly", "it was
// reported" → "Media reports" (UNATTRIBUTED); "a source told ...", "sources
// said" → "Unnamed source" (UNATTRIBUTED); named outlets (Reuters, TASS, state
// TV, ...) → MEDIA; Human Rights Watch, Amnesty, rights groups, activists,
// witnesses, doctors → OTHER; Red Cross, WHO, OSCE → INTERNATIONAL_ORGANIZATION;
// "Tokayev said", "said President Kassym-Jomart Tokayev" → PERSON (titles
// dropped). An organisation counts only with an attribution cue (said,
// reported, according to, citing, estimates, put the figure, ...), so
// "killed near the Interior Ministry" names no claimant. An outlet that only
// relays ("a source told TASS", "TASS reported, citing the ministry") gives
// way to its source. "the ministry" refers back to the last ministry named in
// the body, else the government.
// Each figure takes the claimant in its own clause (clauses split at "while",
// "whereas", "but", ";"), else the nearest in the sentence, by characters.
// No attribution in the sentence → "Unattributed" (UNATTRIBUTED).
// Names: national bodies are normalised ("Interior Ministry", "Health
// Ministry", "Police", "Government", ...) and, when the country is known —
// from the text ("Kazakhstan's", "of Kazakhstan", or a demonym sharing its
// first five letters with options.countryName, e.g. "Kazakh") or from
// options.countryName — written in full: "Ministry of Internal Affairs of
// Kazakhstan" (NATIONAL_BODIES gives the full form). Other names go through
// CLAIMANT_ALIASES ("UN" → "United Nations"); options.claimantAliases extends
// both, keyed by the detected name ("Tokayev", "Interior Ministry") or the
// resolved one ("Ministry of Internal Affairs of Kazakhstan"),
// case-insensitively.
//
// ── Confidence ──
// 0.9, minus 0.2 when no claimant is named (Unattributed), minus 0.1 when
// the claimant is unnamed (media reports, unnamed source, "reportedly"),
// minus 0.1 for a vague figure (dozens ... thousands), minus 0.1 when the
// category or group is inherited from another figure (elliptical figure,
// "put the figure at", "including", lists); never below 0.3.
import { AffectedGroup, CasualtyCategory, ClaimantKind, Qualifier } from "../generated/prisma/enums";
import { figureRange, findFigures, isVagueQualifier, type Figure } from "./numbers";
import { splitSentences } from "./sentences";
import { readStatus } from "./claim-status";
import { chooseMention, claimantOf, findMentionsIn, initials, newClaimantMemory, type ClaimantMemory, type ClaimantOptions, type Mention } from "./claimants";
import { countriesIn, countryOf, mainCountry, NATIONALITY_NOUNS } from "./countries";
import type { ExtractedClaim, Sentence } from "./types";

export { CLAIMANT_ALIASES, NATIONAL_BODIES, resolveClaimantName } from "./claimants";

export interface ExtractClaimsOptions extends ClaimantOptions {
  /** The article's headline: its figures count when the body does not repeat them. */
  headline?: string;
  /** The page's address: on an organisation's own site, its unsourced figures are its own. */
  url?: string | null;
}

const UNATTRIBUTED = { name: "Unattributed", kind: ClaimantKind.UNATTRIBUTED };

// ───────────────────────── lexicon ─────────────────────────

const CATEGORY_PATTERNS: [CasualtyCategory, string][] = [
  [
    CasualtyCategory.KILLED,
    String.raw`fatally\s+(?:wounded|injured|shot|hurt)|shot\s+(?:dead|and\s+killed)|gunned\s+down|killed|died|dead|deaths?|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|slain|murdered|martyred|martyrs?|fatalit(?:y|ies)|liquidated`,
  ],
  [CasualtyCategory.WOUNDED, String.raw`wounded|(?:sustained|suffered|received)\s+(?:[a-z]+\s+)?wounds`],
  [CasualtyCategory.INJURED, String.raw`injured|hurt|injuries|(?:sustained|suffered|received)\s+(?:[a-z]+\s+)?injuries|sought\s+(?:medical\s+)?(?:treatment|care|help)`],
  [
    CasualtyCategory.DETAINED,
    String.raw`detained|detains|detentions|detainees|arrested|arrests|taken\s+into\s+custody|in\s+custody|placed\s+under\s+arrest|rounded\s+up|apprehended|(?:under|in)\s+detention|behind\s+bars`,
  ],
  [
    CasualtyCategory.HOSPITALIZED,
    String.raw`hospitali[sz]ed|hospitali[sz]ations|(?:(?:taken|admitted|rushed|brought|sent)\s+)?to\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}[Hh]ospitals?|(?:treated\s+)?in\s+(?:the\s+)?hospitals?|in\s+(?:a\s+)?(?:serious|critical|grave)\s+condition`,
  ],
  [CasualtyCategory.MISSING, String.raw`missing|unaccounted\s+for|disappeared`],
];
const CASUALTY = `(?:${CATEGORY_PATTERNS.map(([, p]) => p).join("|")})(?![\\w-])`;
const CATEGORY_TESTS = CATEGORY_PATTERNS.map(([category, p]) => [category, new RegExp(`^(?:${p})$`, "i")] as const);

function categoryOf(casualtyText: string): CasualtyCategory {
  const found = CATEGORY_TESTS.find(([, test]) => test.test(casualtyText));
  return found ? found[0] : CasualtyCategory.KILLED;
}

const HEAD = String.raw`(?:(?:active\s+)?members\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:group|groups|organi[sz]ation|gangs?|party|movement|forces|army|police|[A-Z]{2,8})|participants\s+in\s+(?:the\s+|a\s+)?(?:riots?|unrest|rall(?:y|ies)|protests?|demonstrations?)|armed\s+(?:men|individuals|people)|gang\s+members|(?:security|police|military|law[- ]enforcement)\s+officials|members\s+of\s+the\s+police|others|people|persons?|individuals?|those|citizens?|residents?|civilians?|bystanders?|passers-?by|children|child|minors?|teenagers?|women|woman|men|man|males?|females?|protest[eo]rs?|demonstrators?|marchers?|activists?|rioters?|bandits?|terrorists?|looters?|militants?|gunm[ae]n|insurgents?|attackers?|extremists?|criminals?|police(?:m[ae]n|wom[ae]n)?|officers?|personnel|servicem[ae]n|members\s+of\s+(?:the\s+)?(?:security|armed|law[- ]enforcement)\s+(?:forces|agencies|bodies)|service\s*members?|soldiers?|troops|guardsm[ae]n|guards?|peacekeepers?|forces|law\s+enforcers?|journalists?|reporters?|foreigners?|nationals?|students?|workers?|migrants?|prisoners?|inmates?|medics?|doctors?|nurses?|paramedics?|tourists?|detainees?|fighters?|cadets?|employees?|staff(?:ers)?|participants|victims|individual|person|[A-Z][a-z]{2,}(?:ians?|ans?|ese|is?)|${NATIONALITY_NOUNS.join("|")})`;
const NUMBER_WORDS = String.raw`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|scores|several|few|some|many|most|about|around|nearly|almost|over|up|least|than|half`;
const NOT_MODIFIER = String.raw`(?:and|or|of|were|was|have|has|had|are|is|been|be|may|might|who|that|which|in|on|at|with|the|a|an|to|also|reportedly|allegedly|died|killed|including|while|when|after|during|from|more|additional|further|new|per|percent|${NUMBER_WORDS})`;
const MODIFIER = String.raw`(?:(?!${NOT_MODIFIER}\b)[A-Za-z][A-Za-z'’-]*\s+)`;
const NOUN = String.raw`["“‘']?${MODIFIER}{0,3}${HEAD}["”’']?(?![\w-])`;
const NP = String.raw`${NOUN}(?:\s*,\s*${NOUN})*(?:\s*,?\s+(?:and|or)\s+${NOUN})?`;
const PP = String.raw`\s+(?:in|from|at|across|near|throughout)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?(?:\s+(?:rall(?:y|ies)|protests?|demonstrations?|clashes|riots?|area|region|province|district|city|town|camp|prison))?`;
const INSERTION = String.raw`(?:\s+(?:including|among\s+them|mostly|mainly)\s+(?:[\w-]+\s+){0,3}?[\w-]+(?=\s+(?:were|was|have|has|had|are)\b)|\s*,\s*(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them|mostly|mainly|among\s+whom|all\s+of\s+them)\b[^,;]{1,80},|\s*(?:--|—|–)\s*(?:including|among\s+them|mostly|mainly)\b[^—–;]{1,200}?(?:--|—|–)|\s*,\s*(?:who|which)\s+[^,;]{1,120},)`;
const FILLER = String.raw`(?:have|has|had|been|were|was|are|is|be|being|may|might|got|get|gotten|remain|remains|remained|reportedly|allegedly|also|now|already|so\s+far|still|all|since|later|subsequently|eventually|officially|confirmed|feared|believed|said|thought|known|reported|presumed|understood|to|who|that|which|seriously|critically|severely|badly|slightly|lightly|moderately|gravely|in\s+total|in\s+all|altogether|each|then|initially|currently|either|gone|went|among\s+(?:those|the)(?:\s+who)?)`;
const BOUNDARY = String.raw`(?:and|or|but|in|on|at|during|since|across|throughout|while|with|after|before|as|amid|over|including|among|when|according|so|by|near|around|following|overnight|yesterday|today|last|this|inside|outside|for|from|into|who|whom|whose|that|which|because|despite|earlier|later|within|across|since|so\s+far|elsewhere|nationwide|against|between|due|amid|until|till)`;

/** Group of each head noun, first match wins; applied to each coordinated noun phrase. */
const GROUP_TESTS: [AffectedGroup, RegExp][] = [
  [AffectedGroup.RIOTERS, /\b(?:members\s+of\s+(?:an?\s+|the\s+)?(?:terrorist|militant|armed|extremist|criminal|rebel)\b|rioters?|bandits?|terrorists?|looters?|militants?|gunm[ae]n|insurgents?|attackers?|extremists?|criminals?|fighters?|armed\s+(?:men|individuals|people)|participants\s+in\s+(?:the\s+|a\s+)?(?:riots?|unrest))\b/i],
  [AffectedGroup.OTHER, /\b(?:prisoners?|inmates?|gang\s+members?|members\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?gangs?)\b/i],
  [AffectedGroup.PROTESTERS, /\b(?:protest[eo]rs?|demonstrators?|marchers?|participants\s+in\s+(?:the\s+|a\s+)?(?:rall(?:y|ies)|protests?|demonstrations?))\b/i],
  [AffectedGroup.SECURITY_FORCES, /\b(?:police\w*|officers?|security|military|servicem[ae]n|service\s*members?|soldiers?|troops|guardsm[ae]n|guards?|law[- ]enforce\w*|peacekeepers?|forces|army|cadets?)\b/i],
  [AffectedGroup.CIVILIANS, /\b(?:civilians?|bystanders?|residents?|passers-?by|citizens?)\b/i],
];

/** Words that say who among a group (children, journalists): the claim keeps the parent's group and names them as a subgroup. */
const DEMOGRAPHIC = /\b(?:children|child|minors?|teenagers?|boys?|girls?|women|woman|men|man|males?|females?|elderly|students?|journalists?|reporters?|foreigners?|nationals?|medical|medics?|doctors?|nurses?|paramedics?|workers?|employees?|staff(?:ers)?|tourists?|migrants?|activists?|\p{Lu}\p{Ll}+(?:ians|ans|ese|is))\b/u;

export function isDemographic(phrase: string): boolean {
  return DEMOGRAPHIC.test(phrase) && GROUP_TESTS.every(([, test]) => !test.test(phrase));
}

function groupOfNoun(noun: string): AffectedGroup {
  const found = GROUP_TESTS.find(([, test]) => test.test(noun));
  return found ? found[0] : AffectedGroup.ALL;
}

/** The group of a noun phrase: every coordinated noun must agree, else ALL. */
export function groupOf(phrase: string): AffectedGroup {
  const nouns = phrase.split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).filter((n) => n.length > 0);
  const groups = new Set(nouns.map(groupOfNoun));
  return groups.size === 1 ? [...groups][0] : AffectedGroup.ALL;
}

function cleanGroupText(text: string): string {
  return text.trim().replace(/^["“‘']+|["”’']+$/g, "");
}

// ───────────────────────── readings ─────────────────────────

/** How a figure was tied to a casualty word. */
interface Reading {
  category: CasualtyCategory;
  /** Group text as printed, or null when the figure names none. */
  groupText: string | null;
  /** Category or group taken from another figure. */
  inherited: boolean;
  how: "toll" | "object" | "subject" | "figure" | "among" | "including" | "list" | "subset";
  /** End of the figure's phrase (after its noun), for lists. */
  phraseEnd: number;
  /** For a part of another figure ("including 11 children", "103 of them"): the whole's group, kept when the part names only who among it. */
  parentGroup?: AffectedGroup;
  /** "103 of them in Almaty": the place the part is given for. */
  placeName?: string | null;
  /** For a part: the figure it is part of. */
  whole?: Reading;
  /** A count of deaths or injuries ("five deaths"), not of people: it names who only by an adjective ("civilian deaths"), if at all. */
  eventCount?: boolean;
  /** "the toll nears 100": the figure is a ceiling the count is just under (NEARLY). */
  ceiling?: boolean;
}

/** What follows a figure, as far as any reading looks: a bounded window keeps a long sentence linear. */
function afterFigure(s: SentenceState, fig: Figure): string {
  return s.text.slice(fig.end, fig.end + 300);
}

interface SentenceState {
  text: string;
  figures: Figure[];
  readings: (Reading | null)[];
}

const R_SUBJECT = new RegExp(
  String.raw`^["”’']?(?:\s+more)?(?:\s+of\s+(?:its|their|his|her|our)(?=\s)|\s+of\s+them(?=\s+(?:dead|killed|injured|wounded|hurt)\b))?(?<of>\s+of(?:\s+the)?)?(?:\s+(?<np>${NP}))?(?<pp>${PP})?(?<ins>${INSERTION})?(?:\s+${FILLER}){0,6}\s+["“]?(?<cas>${CASUALTY})`,
  "i",
);
const R_NOUN_AFTER = new RegExp(String.raw`^\s+(?<np>${NP})`, "i");
const R_COMBINED = new RegExp(String.raw`^\s+(?:or|and|and/or)\s+(?:were\s+|was\s+)?(?:${CASUALTY})`);

const R_SUBJECT_RELATIVE = new RegExp(
  String.raw`^(?:\s+(?<np>${NP}))?\s+(?:who|that)\s+[^;,.]{1,160}?\s+(?:have|has|had|were|was|are|is)\s+(?:also\s+|now\s+|reportedly\s+|since\s+)?(?:been\s+)?(?<cas>${CASUALTY})`,
  "i",
);

// "the 420 people, arrested between June 9 and Aug. 5, comprise …": a participle set off by commas.
const R_SUBJECT_PARTICIPLE = new RegExp(String.raw`^\s+(?<np>${NP})\s*,\s+(?<cas>arrested|detained|killed|injured|wounded|hospitali[sz]ed)\b(?=[^,;]{0,80},)`, "i");

/** "eight people who played a major role in the protests have been arrested": the verb after a relative clause (or a participle between commas). */
function readSubjectPastRelative(after: string, fig: Figure): Reading | null {
  const match = R_SUBJECT_RELATIVE.exec(after) ?? R_SUBJECT_PARTICIPLE.exec(after);
  if (!match?.groups) return null;
  const { np, cas } = match.groups;
  // A bare number before "that" is more often a measure ("2 million that …") than people.
  if (!np) return null;
  return { category: categoryOf(cas), groupText: /^others?$/i.test(np.trim()) ? null : cleanGroupText(np), inherited: false, how: "subject", phraseEnd: fig.end + match[0].length };
}

const R_OBJECT_NEXT = /^\s+(?:(?:at\s+least|about|around|some|more\s+than|over|nearly|almost|up\s+to|an\s+estimated)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens|hundreds|thousands|scores|several|many|the|an?|his|her|their|its)\b)/i;
const R_MAIN_PREDICATE = /^[^;.]{0,150}?\s((?:were|was|have|had)\s+killed|died|succumbed|perished|(?:were|was)\s+(?:arrested|detained))\b/i;

/** 3. "at least 18 police officers have died", "over 1,300 wounded". */
function readSubject(s: SentenceState, fig: Figure, previous: Reading | null): Reading | null {
  const after = afterFigure(s, fig);
  const match = R_SUBJECT.exec(after);
  if (!match?.groups) return readSubjectPastRelative(after, fig);
  const { of, np, cas } = match.groups;
  if (of && !fig.vague) return null;
  if (R_COMBINED.test(after.slice(match[0].length))) return null;
  // "1,000 security officers arrested four people": with no auxiliary and an object after the verb, the figure is who did it.
  const beforeVerb = match[0].slice(0, match[0].length - cas.length).trimEnd();
  if (np && /^(?:arrested|detained|killed|injured|wounded|hurt|shot\s+dead|gunned\s+down|murdered|slain)$/i.test(cas) && beforeVerb.endsWith(np.trim()) && R_OBJECT_NEXT.test(after.slice(match[0].length))) return null;
  // "485 injured were admitted to six hospitals": those in hospital.
  const admitted = /^\s+(?:were|have\s+been|had\s+been|are)\s+(?:admitted|taken|rushed|brought)\s+(?:to|in)\s+(?:[\w-]+\s+){0,2}hospitals?\b/i.test(after.slice(match[0].length));
  let category = admitted ? CasualtyCategory.HOSPITALIZED : categoryOf(cas);
  const phraseEnd = fig.end + match[0].length;
  // "six others who were injured in earlier clashes died": the relative clause says who they were, the verb after it what happened.
  if (/\b(?:who|that|which)\s+(?:[\w-]+\s+){0,2}["“]?$/i.test(match[0].slice(0, match[0].length - cas.length))) {
    const main = R_MAIN_PREDICATE.exec(after.slice(match[0].length));
    if (main) category = categoryOf(main[1].replace(/^(?:were|was|have|had)\s+/, ""));
    // "25 died, including four who were injured earlier": four of the dead.
    else if (previous && /\b(?:including|among\s+them)\s+$/i.test(s.text.slice(Math.max(0, fig.start - 20), fig.start)))
      return { category: previous.category, groupText: null, inherited: true, how: "including", phraseEnd, parentGroup: groupOfReading(previous) };
  }
  const eventCount = /^(?:deaths?|fatalit(?:y|ies)|injuries|arrests|detentions|hospitali[sz]ations)$/i.test(cas);
  if (np && !/^others?$/i.test(np.trim())) return { category, groupText: cleanGroupText(np), inherited: false, how: "subject", phraseEnd, eventCount };
  // "245 injuries", "five deaths": counts of events name no group of their own.
  if (!np && eventCount) return { category, groupText: null, inherited: false, how: "subject", phraseEnd, eventCount };
  if (/^detainees$/.test(cas)) return { category, groupText: "detainees", inherited: false, how: "subject", phraseEnd };
  // "1,300 wounded police officers": the casualty word is the noun's first modifier.
  const noun = R_NOUN_AFTER.exec(after.slice(match[0].length));
  if (noun?.groups && match[0].trim() === cas) return { category, groupText: cleanGroupText(noun.groups.np), inherited: false, how: "subject", phraseEnd: phraseEnd + noun[0].length };
  return withInheritedGroup({ category, groupText: null, inherited: false, how: "subject", phraseEnd }, previous);
}

const R_VERB_BEFORE = new RegExp(
  String.raw`(?:^|[^\w-])(?<verb>killed|killing|kills|kill|lost|losing|(?:the\s+)?loss\s+of|(?:the\s+)?(?:detention|arrests?|killing|deaths?|injury|injuries|hospitali[sz]ation)\s+of|shot\s+dead|shooting\s+dead|gunned\s+down|liquidated|liquidating|(?:claimed|claiming|claims|took|taking|takes|cost|costing)\s+the\s+lives\s+of|injured|injuring|injures|injure|hurt|hurting|wounded|wounding|detained|detaining|detain|detains|arrested|arresting|arrest|rounded\s+up|rounding\s+up|(?:took|taken|taking)\s+into\s+custody|hospitali[sz]ed|hospitali[sz]ing)(?:\s+a\s+total\s+of)?\s+$`,
  "i",
);
const R_OBJECT_AFTER = new RegExp(
  String.raw`^(?<of>\s+of(?:\s+the)?)?(?:\s+(?<np>${NP}))?(?=\s*$|\s*[,.;:)!?—–]|\s+-\s|\s+${BOUNDARY}\b)`,
  "i",
);

function verbCategory(printed: string): CasualtyCategory {
  const verb = printed.toLowerCase();
  if (/lives|kill|dead|death|gunned|liquidat|lost|losing|loss/.test(verb)) return CasualtyCategory.KILLED;
  if (/injur|hurt/.test(verb)) return CasualtyCategory.INJURED;
  if (/wound/.test(verb)) return CasualtyCategory.WOUNDED;
  if (/hospitali/.test(verb)) return CasualtyCategory.HOSPITALIZED;
  return CasualtyCategory.DETAINED;
}

/** 2. "killing at least 12 people", "detained nearly 8,000 people". */
function readObject(s: SentenceState, fig: Figure, previous: Reading | null): Reading | null {
  const verb = R_VERB_BEFORE.exec(s.text.slice(Math.max(0, fig.start - 60), fig.start));
  if (!verb?.groups) return null;
  const object = R_OBJECT_AFTER.exec(afterFigure(s, fig));
  if (!object?.groups || (object.groups.of && !fig.vague)) return null;
  const category = verbCategory(verb.groups.verb);
  // "lost 200 homes", "lost 5 km": only people lost are the dead.
  if (/^(?:lost|losing|(?:the\s+)?loss\s+of)$/i.test(verb.groups.verb) && !object.groups.np) return null;
  const phraseEnd = fig.end + object[0].length;
  if (object.groups.np) return { category, groupText: cleanGroupText(object.groups.np), inherited: false, how: "object", phraseEnd };
  return withInheritedGroup({ category, groupText: null, inherited: false, how: "object", phraseEnd }, previous);
}

const R_TOLL_TRIGGER = new RegExp(
  String.raw`(?<toll>(?<![Cc]asualty\s|[Ii]njury\s)\b(?:[Dd]eath\s+)?[Tt]oll\b|\b[Dd]eath\s+(?:tally|count)\b|\b(?:[Nn]umber|[Cc]ount|[Tt]ally|[Tt]otal)\s+of\s+(?:the\s+)?dead\b)|\b[Nn]umber\s+of\s+(?:(?<those>those\s+(?<tcas>${CASUALTY}))|(?:the\s+)?(?<cas1>${CASUALTY})(?:\s+(?<np1>${NP}))?|(?:the\s+)?(?<np2>${NP})\s+(?:(?:who|that)\s+(?:were|have\s+been|had\s+been)\s+)?(?<cas2>${CASUALTY}))`,
  "g",
);
const R_TOLL_LINK = new RegExp(
  String.raw`^(?<pp>(?:\s*,?\s*(?:(?:among|from|in|during|since|across|throughout|after|of|on|for|at|between|involving)\s+[^,;:]{1,100}?|according\s+to[^,;]{1,40},|,\s+(?:on\s+the\s+other\s+hand|however|meanwhile|officials\s+said|so\s+far),)){0,3})\s*,?\s*` +
    String.raw`(?:(?:has|have|had|now|so\s+far|already|reportedly|officially|been|currently|since|further|again|also|then)\s+)*` +
    String.raw`(?<link>(?:rose|risen|rises|rising|rise|climbed|climbing|climbs|climb|soared|soars|soaring|mounted|mounts|neared|nears|nearing|tops|topped|surpasses|surpassed|exceeds|exceeded|passes|passed|jumped|jumps|increased|increases|grew|grown|reached|reaches|reaching|reach|hit|hits|stands|stood|standing|totals|totalled|totaled|numbered|numbers|is|was|went\s+up|gone\s+up|put|puts|putting|raised|brought|bringing|raising|updated|revised|revised\s+(?:down|up|downward|upward)|escalated|as|would\s+be|will\s+be)\s+(?:(?:on|by|since|overnight|yesterday|today|this|last)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:to|at)\s+)?|(?:to|at|of)\s+)?$`,
);
const R_REVISION = /^\s+from\s+[^,;]{1,30}?\s+to\s+$/;
const R_AMONG_GROUP = new RegExp(String.raw`\bamong\s+(?:the\s+)?(?<np>${NP})`);

/** 1. "the death toll rose to 164", "the number of those detains has exceeded 5,000". */
function readToll(s: SentenceState, fig: Figure): Reading | null {
  const trigger = lastMatchBefore(R_TOLL_TRIGGER, s.text, fig.start, 220);
  if (!trigger?.groups) return null;
  const triggerEnd = trigger.index + trigger[0].length;
  const between = s.text.slice(triggerEnd, fig.start);
  // A year or a date between ("since the escalation in October 2023 has risen to") is no figure of its own.
  const figureBetween = s.figures.some((f) => f !== fig && f.start >= triggerEnd && f.end <= fig.start && !isNotACount(s.text, f));
  const revision = R_REVISION.test(between);
  if (figureBetween && !revision) return null;
  const link = revision ? null : R_TOLL_LINK.exec(between);
  if (!revision && (!link?.groups || (!link.groups.link && fig.qualifier !== Qualifier.EXCEEDED))) return null;
  const g = trigger.groups;
  // "the toll nears 100": just under it, the text's ceiling.
  const nearing = !!link?.groups?.link && /^(?:neared|nears|nearing)\b/i.test(link.groups.link) && fig.qualifier === Qualifier.EXACT ? { ceiling: true } : {};
  if (g.toll) {
    const among = link?.groups?.pp ? R_AMONG_GROUP.exec(link.groups.pp) : null;
    // "the toll rose to 273 civilians", "the civilian death toll".
    const noun = R_NOUN_AFTER.exec(afterFigure(s, fig));
    const adjective = /\b(civilian|police|military|protester|security)\s+$/i.exec(s.text.slice(Math.max(0, trigger.index - 20), trigger.index));
    const groupText = among?.groups ? among.groups.np : noun?.groups && !/^others?$/.test(noun.groups.np) ? noun.groups.np : adjective ? adjective[1] : null;
    return { category: CasualtyCategory.KILLED, groupText: groupText ? cleanGroupText(groupText) : null, inherited: false, how: "toll", phraseEnd: fig.end + (noun && groupText === noun.groups?.np ? noun[0].length : 0), ...nearing };
  }
  const cas = g.tcas ?? g.cas1 ?? g.cas2;
  const groupText = g.those ?? g.np1 ?? g.np2 ?? (/^detainees$/.test(cas) ? "detainees" : null);
  return { category: categoryOf(cas), groupText: groupText ? cleanGroupText(groupText) : null, inherited: false, how: "toll", phraseEnd: fig.end, ...nearing };
}

function lastMatchBefore(regex: RegExp, text: string, before: number, window: number): RegExpExecArray | null {
  // Only the window is searched: scanning from the sentence's start for every figure would be quadratic.
  let from = Math.max(0, before - window);
  let last: RegExpExecArray | null = null;
  let match: RegExpExecArray | null;
  while ((match = nextMatch(regex, text, from)) !== null) {
    if (match.index + match[0].length > before) break;
    if (before - match.index <= window) last = match;
    from = match.index + match[0].length;
  }
  return last;
}

// The last answers of regex.exec(text) from a position, per regex: the first match at or after `from` is also the
// first from anywhere up to its start (null: from anywhere after `from`). A sentence with no match past its
// figures (most have none) is then searched to its end once, not once per figure.
const knownMatches = new Map<RegExp, { text: string; answers: { from: number; match: RegExpExecArray | null }[] }>();

function nextMatch(regex: RegExp, text: string, from: number): RegExpExecArray | null {
  let known = knownMatches.get(regex);
  if (!known || known.text !== text) knownMatches.set(regex, (known = { text, answers: [] }));
  for (const answer of known.answers) {
    if (from >= answer.from && (answer.match === null || from <= answer.match.index)) return answer.match;
  }
  regex.lastIndex = from;
  const match = regex.exec(text);
  if (known.answers.length >= 4) known.answers.shift();
  known.answers.push({ from, match });
  return match;
}

/** 4. "the ministry put the figure at 700". */
function readPutFigure(s: SentenceState, fig: Figure, previous: Reading | null): Reading | null {
  if (!previous || !/\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the\s+|its\s+|their\s+)?(?:figure|number|tally|count|total)\s+at\s+$/.test(s.text.slice(Math.max(0, fig.start - 80), fig.start))) return null;
  return { ...previous, inherited: true, how: "figure", phraseEnd: fig.end };
}

const R_AMONG_BEFORE = new RegExp(
  String.raw`(?:\b[Aa]mong\s+(?:the|those)\s+(?<cas>${CASUALTY})(?:\s+[\w'’-]+){0,4}?\s+(?:were|are|was|is)|\b(?:[Tt]hose|[Pp]eople|[Tt]he\s+victims)\s+(?:who\s+)?(?:were\s+|have\s+been\s+)?(?<cas2>${CASUALTY})\s+(?:include|included|includes|were|are))\s+$`,
);

/** 5. "Among the dead were 18 police officers". */
function readAmong(s: SentenceState, fig: Figure): Reading | null {
  const among = R_AMONG_BEFORE.exec(s.text.slice(Math.max(0, fig.start - 120), fig.start));
  if (!among?.groups) return null;
  const object = R_OBJECT_AFTER.exec(afterFigure(s, fig));
  const np = object?.groups?.np;
  return { category: categoryOf(among.groups.cas ?? among.groups.cas2), groupText: np ? cleanGroupText(np) : null, inherited: false, how: "among", phraseEnd: fig.end + (object?.[0].length ?? 0) };
}

const R_INCLUDED_NOUN = new RegExp(String.raw`^(?:\s+of(?:\s+the)?)?\s+(?<np>${NP})`, "i");

/** 6. "164 people were killed, including 16 police officers". */
function readIncluding(s: SentenceState, fig: Figure, previous: Reading | null): Reading | null {
  if (!previous || !/\b(?:including|among\s+them|among\s+whom\s+(?:were|are))\s+$/.test(s.text.slice(Math.max(0, fig.start - 40), fig.start))) return null;
  const np = R_INCLUDED_NOUN.exec(afterFigure(s, fig));
  if (!np?.groups) return null;
  return { category: previous.category, groupText: cleanGroupText(np.groups.np), inherited: true, how: "including", phraseEnd: fig.end + np[0].length, parentGroup: groupOfReading(previous) };
}

/** Detention and casualty figures do not lend each other a group. */
function withInheritedGroup(reading: Reading, previous: Reading | null): Reading {
  const detained = (r: Reading) => r.category === CasualtyCategory.DETAINED;
  if (!previous || previous.groupText === null || detained(previous) !== detained(reading)) return reading;
  return { ...reading, groupText: previous.groupText, inherited: true };
}

function groupOfReading(reading: Reading): AffectedGroup {
  if (!reading.groupText) return AffectedGroup.ALL;
  return isDemographic(reading.groupText) && reading.parentGroup ? reading.parentGroup : groupOf(reading.groupText);
}

const R_PART_BEFORE = /(?:\b(?:of|out\s+of|in)\s+(?:which|whom|them|these|those)|\b(?:[Tt]hey|[Tt]hose|[Tt]hese|[Tt]he\s+(?:dead|injured|wounded|victims))\s+(?:included|include|includes|comprised)|\bcompris(?:e|es|ed|ing)|\bconsist(?:s|ed|ing)?\s+of|\bincluding|\bamong\s+them|\b[Oo]ut\s+of\s+(?:the\s+|these\s+|those\s+)?[^,;]{1,60},|\s(?:—|–|--))\s*,?\s*["“]?$/i;
const R_PART_AFTER = /^\s+of\s+(?:them|those|whom|which|these)(?:\s+(?:people|persons|victims))?\b/i;
const R_PART_NOUN = new RegExp(String.raw`^\s+(?:(?:were|are|was|is|being)\s+)?(?<np>${NP})`, "i");
const R_PART_PLACE = /\b(?:in|at)\s+(?:the\s+)?(?:(?:largest|capital|city|town|province|district|region|state|county|village|of|northern|southern|eastern|western|central)\s+)*(?<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)/;

/**
 * 8. Parts of a figure given before: "103 of them died in Almaty", "of which 19
 * were law enforcement officers", "including 103 in Almaty", "38 of them are
 * sentenced". The part takes the whole's category unless it names its own, and
 * its group unless it names one.
 */
function readPart(s: SentenceState, fig: Figure, previous: Reading | null, articlePrevious: Reading | null): Reading | null {
  const before = s.text.slice(Math.max(0, fig.start - 80), fig.start);
  let after = afterFigure(s, fig);
  const partAfter = R_PART_AFTER.exec(after);
  // "347 were men and 73 were women": the next part of the same whole.
  const nextPart = previous?.how === "subset" && previous.whole && /(?:,|\band|;)\s*$/.test(before);
  // "184,161 people were affected, of which 9,737 …": a part of a figure that is no claim is none either.
  const earlierFigure = s.figures.some((f) => f.end <= fig.start && !isNotACount(s.text, f));
  const whole = nextPart ? previous.whole! : previous ?? (earlierFigure ? null : articlePrevious);
  if (!whole) return null;
  if (!nextPart && !R_PART_BEFORE.test(before) && !partAfter) return null;
  if (partAfter) after = after.slice(partAfter[0].length);
  const clause = /^[^,;:—–]*/.exec(after)?.[0] ?? "";
  const own = new RegExp(String.raw`^(?:\s+[\w'’-]+){0,4}?\s+(${CASUALTY})`).exec(clause);
  const noun = R_PART_NOUN.exec(clause);
  const place = R_PART_PLACE.exec(clause);
  return {
    category: own ? categoryOf(own[1]) : whole.category,
    groupText: noun?.groups && !/^others?$/.test(noun.groups.np) ? cleanGroupText(noun.groups.np) : whole.groupText,
    inherited: true,
    how: "subset",
    phraseEnd: fig.end + (partAfter?.[0].length ?? 0) + clause.length,
    parentGroup: groupOfReading(whole),
    placeName: place?.groups?.place ?? null,
    whole,
  };
}

const R_PLACE_COUNT_BEFORE = /(?<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s*\(\s*$/;

/** 9. "They include Nairobi (20), Garissa (2) and Kisumu (3)": per-place counts of the figure before. */
function readPlaceCount(s: SentenceState, fig: Figure, whole: Reading | null): Reading | null {
  if (!whole || !/^\s*\)/.test(afterFigure(s, fig))) return null;
  const place = R_PLACE_COUNT_BEFORE.exec(s.text.slice(Math.max(0, fig.start - 60), fig.start));
  if (!place?.groups) return null;
  // Only inside a list of such counts, not a lone bracketed number.
  if ((s.text.match(/[A-Z][\w’'-]*\s*\(\s*\d[\d,]*\s*\)/g) ?? []).length < 2) return null;
  return { category: whole.category, groupText: whole.groupText, inherited: true, how: "subset", phraseEnd: fig.end + 1, parentGroup: whole.parentGroup, placeName: place.groups.place };
}

const R_LIVES_VERB = /\b(?:claimed|claiming|claims|claim|took|taking|takes|cost|costing|costs)\s+(?:the\s+)?$/i;

const R_LIVES_LOST = /^\s+(?:more\s+|other\s+)?lives\s+(?:(?:have|had|has)\s+)?(?:(?:been|were|was)\s+)?(?:so\s+far\s+)?(?:lost|claimed)\b/i;

/** 10. "The floods claimed 1,391 lives", "at least 146 lives have been lost". */
function readLives(s: SentenceState, fig: Figure): Reading | null {
  const lost = R_LIVES_LOST.exec(s.text.slice(fig.end, fig.end + 50));
  if (lost) return { category: CasualtyCategory.KILLED, groupText: null, inherited: false, how: "subject", phraseEnd: fig.end + lost[0].length, eventCount: true };
  const after = /^\s+(?:more\s+|other\s+)?lives\b/i.exec(s.text.slice(fig.end, fig.end + 20));
  if (!after || !R_LIVES_VERB.test(s.text.slice(Math.max(0, fig.start - 20), fig.start))) return null;
  return { category: CasualtyCategory.KILLED, groupText: null, inherited: false, how: "object", phraseEnd: fig.end + after[0].length };
}

/** "Casualties among security officers rose to 18 dead and 748 wounded": a figure with no group of its own takes the one "among" names before it. */
function amongGroup(s: SentenceState, fig: Figure, reading: Reading | null): Reading | null {
  if (!reading || reading.groupText !== null) return reading;
  const before = s.text.slice(Math.max(0, fig.start - 100), fig.start);
  const among = /\b(?:casualties|deaths|losses|toll)\s+among\s+(?:the\s+)?(.+?)\s+(?:rose|reached|stood|stands|were|was|climbed|is|are|totalled|totaled|numbered)\b[^;:]*$/i.exec(before);
  const noun = among ? R_NOUN_AFTER.exec(` ${among[1]}`) : null;
  return noun?.groups ? { ...reading, groupText: cleanGroupText(noun.groups.np) } : reading;
}

/** 12. "the police had taken 1,213 people into custody". */
function readCustody(s: SentenceState, fig: Figure): Reading | null {
  if (!/\b(?:taken|took|taking|take|takes)\s+$/i.test(s.text.slice(Math.max(0, fig.start - 12), fig.start))) return null;
  const custody = new RegExp(String.raw`^(?:\s+(?<np>${NP}))?\s+into\s+(?:police\s+)?custody\b`, "i").exec(s.text.slice(fig.end, fig.end + 200));
  if (!custody) return null;
  return { category: CasualtyCategory.DETAINED, groupText: custody.groups?.np ? cleanGroupText(custody.groups.np) : null, inherited: false, how: "object", phraseEnd: fig.end + custody[0].length };
}

/** 11. "the bodies of 225 people were delivered to morgues", "40 bodies were recovered": the dead. */
function readBodies(s: SentenceState, fig: Figure): Reading | null {
  const before = /\b(?:the\s+)?bodies\s+of\s+$/i.test(s.text.slice(Math.max(0, fig.start - 20), fig.start));
  const after = /^\s+(?:more\s+)?bodies\b/i.exec(s.text.slice(fig.end, fig.end + 20));
  if (!before && !after) return null;
  const object = before ? R_NOUN_AFTER.exec(afterFigure(s, fig)) : null;
  const groupText = object?.groups ? cleanGroupText(object.groups.np) : null;
  return { category: CasualtyCategory.KILLED, groupText, inherited: false, how: "object", phraseEnd: fig.end + (after?.[0].length ?? object?.[0].length ?? 0) };
}

/** 13. "36 people were reported dead in Aathbiskot, and eight more in Sanibheri": the figure before, for another place. */
function readElliptical(s: SentenceState, fig: Figure, previous: Reading | null): Reading | null {
  if (!previous || !/(?:,|;|\band)\s*$/.test(s.text.slice(Math.max(0, fig.start - 8), fig.start))) return null;
  const place = /^\s+(?:more\s+|others?\s+)?(?:in|at)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)/.exec(s.text.slice(fig.end, fig.end + 80));
  if (!place) return null;
  return { category: previous.category, groupText: previous.groupText, inherited: true, how: "subset", phraseEnd: fig.end + place[0].length, parentGroup: previous.parentGroup, placeName: place[1], whole: previous.whole };
}

function readFigure(s: SentenceState, fig: Figure, previous: Reading | null, articlePrevious: Reading | null): Reading | null {
  return (
    readToll(s, fig) ??
    readLives(s, fig) ??
    readBodies(s, fig) ??
    readCustody(s, fig) ??
    readObject(s, fig, previous) ??
    readSubject(s, fig, previous) ??
    readPutFigure(s, fig, previous) ??
    readAmong(s, fig) ??
    readIncluding(s, fig, previous) ??
    readPart(s, fig, previous, articlePrevious) ??
    readPlaceCount(s, fig, previous ?? articlePrevious) ??
    readElliptical(s, fig, previous)
  );
}

const R_LIST_GAP = new RegExp(String.raw`^(?:\s+of(?:\s+the)?)?(?:\s+(?<np>${NP}))?(?<join>\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$`, "i");

/**
 * 7. Lists: a figure with no reading of its own joined to the next figure,
 * which has one ("18 protesters and 5 police officers were killed"). A bare
 * comma joins only inside a list that ends with "and" ("18 protesters, 5
 * officers and 3 civilians"), and a figure after "of", "to", "in" ("a city of
 * 2 million people, 18 ...") is no list item.
 */
function readLists(s: SentenceState): void {
  for (let i = s.figures.length - 2; i >= 0; i--) {
    const next = s.readings[i + 1];
    if (s.readings[i] || !next || (next.inherited && next.how !== "list") || rejected(s, i)) continue;
    if (/\b(?:of|to|in|from|than|with|by)\s+$/i.test(s.text.slice(Math.max(0, s.figures[i].start - 20), s.figures[i].start))) continue;
    const gap = R_LIST_GAP.exec(s.text.slice(s.figures[i].end, s.figures[i + 1].start));
    if (!gap?.groups || (!/\b(?:and|or)\b/.test(gap.groups.join) && next.how !== "list")) continue;
    s.readings[i] = { category: next.category, groupText: gap.groups.np ? cleanGroupText(gap.groups.np) : null, inherited: true, how: "list", phraseEnd: s.figures[i].end };
  }
  for (let i = 1; i < s.figures.length; i++) {
    const previous = s.readings[i - 1];
    if (s.readings[i] || !previous || previous.how !== "object" || rejected(s, i)) continue;
    const fig = s.figures[i];
    if (!/^\s*,?\s*(?:and\s+)?$/.test(s.text.slice(previous.phraseEnd, fig.start))) continue;
    const object = R_OBJECT_AFTER.exec(afterFigure(s, fig));
    if (!object?.groups) continue;
    const np = object.groups.np;
    s.readings[i] = { category: previous.category, groupText: np ? cleanGroupText(np) : null, inherited: true, how: "list", phraseEnd: fig.end + object[0].length };
  }
}

// ───────────────────────── figures that are not counts ─────────────────────────

const MONTHS = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const NOT_COUNT_BEFORE = [
  /[$€£₽₸¥]\s*$|\b(?:USD|EUR|KZT|RUB|US\$)\s*$/, // money
  /\b(?:aged|age|ages|aged\s+between)\s+$/i, // ages
  new RegExp(String.raw`(?<!\d\s{1,3})\b${MONTHS}\.?\s+$`), // "January 5" (but "5 January 18 people": the day came first)
  /\b(?:No\.?|[Nn]umber|[Aa]rticle|[Pp]age|[Rr]oute|[Ff]light|[Uu]nit|[Bb]uilding|[Ss]ection|[Pp]aragraph|[Cc]hapter|[Cc]lause|[Cc]ode|[Bb]lock|[Rr]oom)\s*$/, // labels
  /\b[Nn]o\s+$/, // "no one"
  /\bnone\s+of\s+(?:the\s+)?$/i,
  /\b(?:from|up\s+from|down\s+from)\s+$/i, // the old figure of a revision
  /\bbetween\s+$/i, // start of a range
];
const NOT_COUNT_AFTER = [
  /^\s*(?:%|per\s*cent\b|percent\b|pct\b)/i,
  /^\s*(?:dollars|euros|pounds|tenge|roubles|rubles|yuan|USD|EUR|KZT|RUB)\b/i,
  /^(?:-|\s)(?:years?|months?)(?:-|\s)old\b|^\s+years?\s+of\s+age\b/i,
  /^-[A-Za-z]/, // "18-strong", "18-year-old"
  new RegExp(String.raw`^\s+(?:of\s+)?${MONTHS}\b`),
  /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock|hours?\b|h\b)/,
  /^\s*(?:km|kilomet\w*|miles?|metres?|meters?|kg|kilograms?|tons?|tonnes?|hectares?|days?|weeks?|months?|years?|minutes?|seconds?|times)\b/i,
  /^\s+new\b/i, // "18 new cases"
  /^\s*(?:-|–|—|to|or)\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b)/i, // start of a range
];
const RANGE_END_BEFORE = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen))\s*(?:-|–|—|to|or|and)\s*$/i;
const YEAR_BEFORE = new RegExp(String.raw`\b(?:in|In|since|Since|of|by|until|till|from|to|before|after|during|early|late|mid|year|summer|winter|spring|autumn|fall|${MONTHS})\s+$`);
const AGE_HEDGE_BEFORE = /\b(?:those|people|anyone|children|persons|men|women|adults|aged?)\s+$/i;

/** True when the figure is a date, year, age, sum, percentage, label, range, increment or revised-away value. */
function isNotACount(text: string, fig: Figure): boolean {
  // The words just before are enough for every rule below, and keep a long sentence linear.
  const before = text.slice(Math.max(0, fig.numberStart - 80), fig.numberStart);
  const beforeFigure = text.slice(Math.max(0, fig.start - 80), fig.start);
  const after = text.slice(fig.end);
  if (NOT_COUNT_BEFORE.some((r) => r.test(beforeFigure) || (before !== beforeFigure && r.test(before)))) return true;
  if (NOT_COUNT_AFTER.some((r) => r.test(after))) return true;
  if (isRangeEnd(beforeFigure)) return true;
  if (/^\d{4}$/.test(text.slice(fig.numberStart, fig.numberEnd)) && fig.value >= 1800 && fig.value <= 2100) {
    if (fig.start === fig.numberStart && (YEAR_BEFORE.test(before) || /^\s*(?:[,.;:)]|$)/.test(after))) return true;
  }
  if (fig.hedge && /^(?:over|more\s+than|under|just\s+under|less\s+than)$/i.test(fig.hedge) && AGE_HEDGE_BEFORE.test(beforeFigure)) return true;
  return false;
}

function isRangeEnd(beforeFigure: string): boolean {
  if (!RANGE_END_BEFORE.test(beforeFigure)) return false;
  if (/\band\s*$/i.test(beforeFigure)) return /\bbetween\s+\S+(?:\s+\S+)?\s+and\s*$/i.test(beforeFigure);
  return !/\bfrom\s+\S+(?:\s+\S+)?\s+to\s*$/i.test(beforeFigure);
}

function rejected(s: SentenceState, index: number): boolean {
  return isNotACount(s.text, s.figures[index]);
}

// ───────────────────────── claims ─────────────────────────

function confidenceOf(reading: Reading, qualifier: Qualifier, mention: Mention | null): number {
  let confidence = 0.9;
  if (!mention) confidence -= 0.2;
  else if (mention.unnamed || mention.carried) confidence -= 0.1;
  if (isVagueQualifier(qualifier)) confidence -= 0.1;
  if (reading.inherited) confidence -= 0.1;
  return Math.max(0.3, Math.round(confidence * 100) / 100);
}

function claimOf(sentence: Sentence, fig: Figure, reading: Reading, mention: Mention | null, options: ExtractClaimsOptions): ExtractedClaim {
  const qualifier = reading.ceiling ? Qualifier.NEARLY : fig.qualifier;
  const { low, best, high } = figureRange(qualifier, fig.value);
  const groupText = reading.groupText ?? "";
  const demographic = groupText !== "" && isDemographic(groupText);
  const claimant = mention ? claimantOf(mention, options) : { ...UNATTRIBUTED };
  return {
    category: reading.category,
    affectedGroup: groupOfReading(reading),
    affectedGroupText: groupText,
    qualifier,
    figureText: fig.figureText,
    low,
    best,
    high,
    claimant,
    via: mention?.via ?? null,
    status: "CURRENT",
    placeName: reading.placeName ?? null,
    subgroup: demographic ? groupText : null,
    increment: false,
    quote: sentence.text,
    quoteStart: sentence.start,
    quoteEnd: sentence.end,
    confidence: confidenceOf(reading, qualifier, mention),
  };
}

interface SentenceReading {
  sentence: Sentence;
  mentions: Mention[];
  /** Organisations the sentence names, cued or not. */
  organizations: Mention[];
  picks: { fig: Figure; reading: Reading; mention: Mention | null }[];
}

/**
 * "three Tajik soldiers and two Kyrgyz were killed", "four Kyrgyz troops were
 * killed and one Tajik wounded": a figure named only by a nationality shares
 * the noun of the nationality-led figure beside it.
 */
function withElidedHeads(s: SentenceState): void {
  const nationalityOnly = (g: string | null) => g !== null && /^\p{Lu}[\p{L}-]+$/u.test(g) && countryOf(g.replace(/s$/, "")) !== null;
  s.readings.forEach((reading, i) => {
    if (!reading || !nationalityOnly(reading.groupText)) return;
    const sharing = [s.readings[i - 1], s.readings[i + 1]].find((other) => {
      const m = other?.groupText ? /^(\p{Lu}[\p{L}-]+)\s+(.+)$/u.exec(other.groupText) : null;
      return m !== null && countryOf(m[1]) !== null && groupOf(m[2]) !== AffectedGroup.ALL;
    });
    if (!sharing?.groupText) return;
    s.readings[i] = { ...reading, groupText: `${reading.groupText} ${sharing.groupText.replace(/^\S+\s+/, "")}`, inherited: true };
  });
}

interface ArticleState {
  lastReading: Reading | null;
  /** Per category, the last toll a group frames ("the civilian death toll rose to 174"). */
  frames: Map<CasualtyCategory, { groupText: string; value: number }>;
}

/**
 * A toll framed by a group ("the civilian death toll rose to 174", "30
 * civilian deaths") frames the bare counts of its category after it: "Khartoum
 * saw three deaths" is three of those civilians. Only a smaller count, and only
 * a count of deaths or injuries that names no one; "12 people died" names its own.
 */
function withFramedGroups(s: SentenceState, frames: ArticleState["frames"]): void {
  s.readings.forEach((reading, i) => {
    if (!reading) return;
    const value = s.figures[i].value;
    if (reading.groupText !== null && !reading.inherited && (reading.how === "toll" || reading.eventCount) && groupOf(reading.groupText) !== AffectedGroup.ALL) {
      frames.set(reading.category, { groupText: reading.groupText, value });
      return;
    }
    const frame = frames.get(reading.category);
    if (frame && reading.groupText === null && reading.eventCount && value < frame.value) s.readings[i] = { ...reading, groupText: frame.groupText, inherited: true };
  });
}

const R_PLACE_SUBJECT = /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?:\s+\([^()]{1,40}\))?(?:\s*,[^,;]{1,60},)?\s+(?:recorded|reported|registered|counted|saw|had|has|suffered)\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+)?$/u;

/** "Khartoum saw three deaths", "Zalingei, the capital of Central Darfur, reported five deaths": the place of a count of deaths or injuries. */
function withPlaceSubjects(s: SentenceState, mentions: Mention[]): void {
  s.readings.forEach((reading, i) => {
    if (!reading?.eventCount || reading.placeName) return;
    const fig = s.figures[i];
    const from = Math.max(0, fig.start - 120);
    const m = R_PLACE_SUBJECT.exec(s.text.slice(from, fig.start));
    if (!m) return;
    const start = from + m.index;
    const place = m[1];
    if (/^(?:The|A|An|It|He|She|They|This|That|There|Police|Officials|Authorities)$/.test(place.split(/\s+/)[0]) || countryOf(place)) return;
    if (mentions.some((x) => x.start < start + place.length && start < x.end)) return;
    s.readings[i] = { ...reading, placeName: place };
    // "Northtown saw three deaths and 11 injuries": the place holds for the counts joined to it.
    for (let j = i + 1; j < s.figures.length; j++) {
      const next = s.readings[j];
      if (!next?.eventCount || next.placeName || !/^\s*,?\s*and\s+$/.test(s.text.slice(s.readings[j - 1]?.phraseEnd ?? s.figures[j].start, s.figures[j].start))) break;
      s.readings[j] = { ...next, placeName: place };
    }
  });
}

function readSentence(sentence: Sentence, options: ExtractClaimsOptions, memory: ClaimantMemory, article: ArticleState): SentenceReading {
  const text = sentence.text;
  const known = new Set(memory.organizations);
  const mentions = findMentionsIn(text, options, memory);
  const organizations = memory.organizations.filter((o) => !known.has(o));
  const figures = findFigures(text).filter((f) => !mentions.some((m) => m.start < f.end && f.start < m.end));
  const s: SentenceState = { text, figures, readings: figures.map(() => null) };
  let previous: Reading | null = null;
  figures.forEach((fig, i) => {
    if (isNotACount(text, fig)) return;
    const reading = amongGroup(s, fig, readFigure(s, fig, previous, article.lastReading));
    s.readings[i] = reading;
    if (reading) previous = reading;
  });
  readLists(s);
  withElidedHeads(s);
  withFramedGroups(s, article.frames);
  withPlaceSubjects(s, mentions);
  const lastInSentence = [...s.readings].reverse().find((r) => r !== null && r.how !== "subset");
  if (lastInSentence) article.lastReading = lastInSentence;
  const picks: SentenceReading["picks"] = [];
  figures.forEach((fig, i) => {
    const reading = s.readings[i];
    if (!reading) return;
    const mention = chooseMention(text, mentions, fig);
    if (mention && !mention.forward) memory.lastClaimant = mention;
    picks.push({ fig, reading, mention });
  });
  return { sentence, mentions, organizations, picks };
}

const named = (m: Mention | null | undefined): m is Mention => !!m && m.kind !== ClaimantKind.UNATTRIBUTED;

/**
 * A figure whose sentence names no source keeps the source of the claims
 * before it in the article: copy that names a source once ("the ministry
 * said …") goes on giving its figures ("During the clashes, 353 were
 * injured."). Before any source is named, a figure stays unattributed.
 */
function withCarriedClaimants(sentences: SentenceReading[], publisher: Mention | null, options: ExtractClaimsOptions, memory: ClaimantMemory): SentenceReading[] {
  withBackAttributions(sentences, options, memory);
  let last: Mention | null = publisher;
  // The countries the source's sentence is about: a national body in Indonesia does not count Thailand's dead.
  let lastCountries = new Set<string>();
  const countriesOf = (s: SentenceReading) => new Set(countriesIn(s.sentence.text.slice(0, 600)).map((c) => c.country.name));
  sentences.forEach((s, index) => {
    // A wire dateline ("RAMBUKKANA, Sri Lanka, April 20 (Reuters) - …") opens a story: no source named before it carries over.
    if (WIRE_DATELINE.test(s.sentence.text)) last = publisher;
    let quoted: Mention | null | undefined;
    let here: Set<string> | undefined;
    const elsewhere = () => {
      here ??= countriesOf(s);
      return lastCountries.size > 0 && here.size > 0 && ![...here].some((c) => lastCountries.has(c));
    };
    for (const pick of s.picks) {
      if (pick.mention?.forward) {
        const named = namedAfter(sentences, index);
        if (named) pick.mention = { ...named, carried: true };
      }
      if (!pick.mention) {
        if (quoted === undefined) quoted = speakerOfQuote(sentences, index);
        pick.mention = quoted ?? (last && mayState(last, pick.reading.category) && !elsewhere() ? { ...last, carried: true } : null);
      } else if (named(pick.mention) && pick.mention !== last) {
        last = pick.mention;
        lastCountries = countriesOf(s);
        if (pick.mention.country) lastCountries.add(pick.mention.country);
      }
    }
  });
  return sentences;
}

const WIRE_DATELINE = /^\(?[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+)*\)?(?:,[^\n–—-]{0,60})?\s+(?:-|–|—|--)\s/;
const BACK_SUBJECT = /^(?:This|That|These|Those|The|Such)\s+(?:[\w-]+\s+){0,2}?(?:numbers?|figures?|toll|data|tally|count|statistics|estimates?)\b/;
const BACK_SOURCE = /\b(?:by|from|of)\s+(?=(?:the\s+)?\p{Lu})/u;

/**
 * A sentence that only says where the figures before it come from ("This
 * number is named in the official message of the Ministry of Defence", "The
 * number of those still unaccounted for was given by X, the head of …") gives
 * that source to the previous sentence's unsourced figures — to those of the
 * category it names, if it names one.
 */
function withBackAttributions(sentences: SentenceReading[], options: ExtractClaimsOptions, memory: ClaimantMemory): void {
  sentences.forEach((s, index) => {
    const previous = sentences[index - 1];
    if (!previous || s.picks.length > 0 || !previous.picks.some((p) => !named(p.mention))) return;
    const text = s.sentence.text.slice(0, 600);
    const subject = BACK_SUBJECT.exec(text);
    const by = subject ? BACK_SOURCE.exec(text.slice(subject[0].length)) : null;
    if (!subject || !by) return;
    const sourceAt = subject[0].length + by.index + by[0].length;
    // The source phrase read as if cued: "according to <it> said".
    const source = findMentionsIn(`according to ${text.slice(sourceAt).replace(/[.!?]+$/, "")} said`, options, { ...memory, organizations: [...memory.organizations] }).find(
      (m) => named(m) && m.kind !== ClaimantKind.MEDIA && !m.forward,
    );
    if (!source) return;
    const category = new RegExp(CASUALTY, "i").exec(text.slice(0, sourceAt));
    for (const pick of previous.picks) {
      if (named(pick.mention) || (category && categoryOf(category[0]) !== pick.reading.category)) continue;
      pick.mention = { ...source, start: -1, end: -1 };
    }
  });
}

/** "A civil society organisation says …": the organisation the next three sentences name, if any. */
function namedAfter(sentences: SentenceReading[], index: number): Mention | null {
  for (const next of sentences.slice(index + 1, index + 4)) {
    const organisation = [...next.mentions, ...next.organizations].find((m) => !m.forward && !m.unnamed && (m.kind === ClaimantKind.OTHER || m.kind === ClaimantKind.INTERNATIONAL_ORGANIZATION));
    if (organisation) return organisation;
  }
  return null;
}

/** A health or medical body counts the dead and hurt, not arrests: its name is not carried to a detention figure. */
function mayState(source: Mention, category: CasualtyCategory): boolean {
  return !(category === CasualtyCategory.DETAINED && /health|medical|doctor|hospital|physician|red\s+cr/i.test(source.name));
}

const OPENING_QUOTE = /[“«]|(?:^|[\s(])["']/g;
const CLOSING_QUOTE = /[”»]|["'](?=[\s,.;:!?)]|$)/g;

/**
 * Quoted speech belongs to its speaker: a figure inside a quotation that opens
 * in its sentence and closes in a later one ("… 40 dead,” Sinarimbo said)
 * takes the source named where the quotation closes.
 */
function speakerOfQuote(sentences: SentenceReading[], index: number): Mention | null {
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
  let open = count(sentences[index].sentence.text, OPENING_QUOTE) - count(sentences[index].sentence.text, CLOSING_QUOTE);
  if (open <= 0) return null;
  for (let j = index + 1; j < Math.min(sentences.length, index + 6); j++) {
    const text = sentences[j].sentence.text;
    open += count(text, OPENING_QUOTE) - count(text, CLOSING_QUOTE);
    if (open <= 0) {
      const speaker = sentences[j].mentions.find(named);
      return speaker ? { ...speaker, carried: true } : null;
    }
  }
  return null;
}

/**
 * A figure in the headline counts when the body does not repeat it (same
 * category and figure): "Death toll nears 100" over a body that gives only
 * its parts. It quotes the headline, so its offsets are -1 (they index the
 * body). Its source is one the headline names ("Governor: shelling kills 2"),
 * else none: a headline credits no one.
 */
function headlineClaims(headline: string | undefined, options: ExtractClaimsOptions, body: ExtractedClaim[], article: { text: string; memory: ClaimantMemory }): { claim: ExtractedClaim; carried: boolean; cue: boolean; fig: Figure; following: number | string[] }[] {
  if (!headline) return [];
  const same = (a: ExtractedClaim, b: ExtractedClaim) => a.best === b.best && (a.category === b.category || [a.category, b.category].every((c) => c === "INJURED" || c === "WOUNDED"));
  const headlineSentence: Sentence = { text: headline, start: 0, end: headline.length };
  const reading = readSentence(headlineSentence, options, newClaimantMemory(), { lastReading: null, frames: new Map() });
  return reading.picks
    .map((p) => ({ claim: claimOf(headlineSentence, p.fig, p.reading, p.mention ?? headlineSource(headline, options, article), options), fig: p.fig }))
    .filter(({ claim }) => !body.some((b) => same(b, claim)))
    .map(({ claim, fig }) => ({ claim: { ...claim, quoteStart: -1, quoteEnd: -1 }, carried: false, cue: false, fig, following: [] }));
}

/**
 * "Police: 12 detained": a headline that opens with its source. A bare title
 * ("Governor: shelling kills 2") is the person the body names with it
 * ("Kherson Oblast Governor Yaroslav Y. reported …").
 */
function headlineSource(headline: string, options: ExtractClaimsOptions, article: { text: string; memory: ClaimantMemory }): Mention | null {
  const m = /^([\p{Lu}][\p{L}'’. -]{1,60}?):\s/u.exec(headline);
  if (!m) return null;
  const found = findMentionsIn(`${m[1]} said`, options, { ...article.memory, organizations: [...article.memory.organizations] })[0];
  if (found) return found;
  const label = m[1].trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const titled = new RegExp(String.raw`\b${label}\s+(?:\p{Lu}[\p{L}'’-]+\s+){0,2}(\p{Lu}[\p{L}'’-]+)(?=[\s,.;:]|$)`, "u").exec(article.text.slice(0, 20000));
  return titled ? (article.memory.people.get(titled[1]) ?? null) : null;
}

/** The words of an address's path, capitalised as names would be: "/central-nigeria-attacks" → "Central Nigeria Attacks". */
function urlWords(url: string | null | undefined): string {
  let path = "";
  try {
    path = url ? decodeURIComponent(new URL(url).pathname) : "";
  } catch {
    return "";
  }
  return path
    .slice(0, 300)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 2)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join(" ");
}

function siteLabelOf(url: string | null | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^www\./, "").split(".")[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The organisation whose own site the page is on ("knchr.org" for the Kenya
 * National Commission on Human Rights (KNCHR)): its statement's figures need
 * no "said". Matched by acronym or initials against the names the text gives.
 */
function publishingBody(label: string | undefined, memory: ClaimantMemory): Mention | null {
  if (!label || label.length < 3) return null;
  for (const [acronym, mention] of memory.acronyms) if (acronym.toLowerCase() === label) return mention;
  return memory.organizations.find((o) => initials(o.name).toLowerCase() === label || o.name.toLowerCase().replace(/[^a-z]/g, "") === label) ?? null;
}

/** No real sentence runs past this: longer ones (a page with no sentence ends) are read in pieces, so the work per piece stays bounded. */
const MAX_SENTENCE = 1500;

function boundedSentences(sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const sentence of sentences) {
    let start = 0;
    const { text } = sentence;
    while (text.length - start > MAX_SENTENCE) {
      const window = text.slice(start, start + MAX_SENTENCE);
      const cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf(" "));
      const end = start + (cut > MAX_SENTENCE / 2 ? cut : MAX_SENTENCE);
      out.push({ text: text.slice(start, end), start: sentence.start + start, end: sentence.start + end });
      start = end;
      while (start < text.length && /\s/.test(text[start])) start++;
    }
    if (start < text.length) out.push(start === 0 ? sentence : { text: text.slice(start), start: sentence.start + start, end: sentence.end });
  }
  return out;
}

/** Casualty and detention claims of an article body, in text order. */
export function extractClaims(body: string, options: ExtractClaimsOptions = {}): ExtractedClaim[] {
  const memory = newClaimantMemory();
  // National bodies with no country named belong to the country the page is about.
  // The address's words count too ("/17-killed-in-central-nigeria-attacks"): "Niger" in the body may be a Nigerian state.
  const countryName = options.countryName ?? mainCountry(`${options.headline ?? ""}\n${urlWords(options.url)}\n${body}`)?.name;
  const withCountry = { ...options, countryName, siteLabel: options.siteLabel ?? siteLabelOf(options.url) };
  const article: ArticleState = { lastReading: null, frames: new Map() };
  // A page that prints its lead twice (a standfirst, then the first paragraph) states each figure once.
  // Keyed by the whole sentence, and by its opening with the figures it gave: the standfirst's copy may be
  // cut short ("… triggered by […]"), while a sentence that only opens the same way may give other figures.
  const seenSentences = new Set<string>();
  const seenOpenings = new Map<string, Set<number>>();
  const sentences = boundedSentences(splitSentences(body)).map((sentence) => {
    const reading = readSentence(sentence, withCountry, memory, article);
    const text = sentence.text.replace(/\s+/g, " ").trim();
    const opening = text.length >= 80 ? text.slice(0, 80) : null;
    const givenBefore = opening === null ? undefined : seenOpenings.get(opening);
    if (seenSentences.has(text)) reading.picks = [];
    else if (givenBefore) reading.picks = reading.picks.filter((p) => !givenBefore.has(p.fig.value));
    else if (reading.picks.length > 0) {
      seenSentences.add(text);
      if (opening !== null) seenOpenings.set(opening, new Set(reading.picks.map((p) => p.fig.value)));
    }
    return reading;
  });
  const drafts = withCarriedClaimants(sentences, publishingBody(withCountry.siteLabel, memory), withCountry, memory).flatMap((s, index) =>
    s.picks.map((p) => ({
      claim: claimOf(s.sentence, p.fig, p.reading, p.mention, withCountry),
      cue: hasIncrementCue(s.sentence.text, p.fig),
      fig: p.fig,
      carried: p.mention?.carried ?? false,
      // "the 420 people, arrested …": a figure with "the" before it is one told before.
      definite: /\bthe\s+$/i.test(s.sentence.text.slice(Math.max(0, p.fig.start - 5), p.fig.start)),
      phraseEnd: p.reading.phraseEnd,
      // The sentences after it, for its status: read only for the claims kept (a page may make 100,000 drafts).
      following: index as number | string[],
    })),
  );
  const marked = markIncrements(drafts).map((claim, i) => ({ ...drafts[i], claim }));
  const all = [...marked, ...headlineClaims(options.headline, withCountry, marked.map((c) => c.claim), { text: body, memory })];
  // "authorities said" names no body: a figure it shares with a named body is that body's.
  const generic = (c: ExtractedClaim) => /^Government(?: of .+)?$/.test(c.claimant.name);
  const kept = withoutRepeats(all.map((d) => ({ ...d, sourced: (d.claim.claimant.kind === ClaimantKind.UNATTRIBUTED ? 0 : d.carried || generic(d.claim) ? 1 : 2) as 0 | 1 | 2 })));
  // Status last, on the claims kept: claim-status reads a window around each figure, and a page that repeats
  // a figure thousands of times keeps one claim. It asks only whether another figure of the category differs,
  // which a few distinct values per category tell.
  const valuesByCategory = new Map<string, number[]>();
  for (const { claim } of kept) {
    const values = valuesByCategory.get(claim.category) ?? [];
    if (values.length < 3 && !values.includes(claim.best)) values.push(claim.best);
    valuesByCategory.set(claim.category, values);
  }
  const statusOf = ({ claim, fig, following }: (typeof kept)[number] | (typeof kept)[number]["repeats"][number]) =>
    readStatus({
      sentence: claim.quote,
      figureStart: fig.start,
      figureEnd: fig.end,
      following: typeof following === "number" ? sentences.slice(following + 1, following + 4).map((n) => n.sentence.text) : following,
      otherFigures: (valuesByCategory.get(claim.category) ?? []).filter((v) => v !== claim.best).map((value) => ({ value, later: false })),
    });
  const claims = kept.map((item) => {
    let status = statusOf(item);
    // "X disputed the president's claim that only six had died", then "the president announced that six had died": the six is disputed.
    for (const repeat of item.repeats) if (status === "CURRENT") status = statusOf(repeat);
    // Where, as the sentence says it ("killed in Guayaquil", "In Jajarkot, 55 …"): after the repeats are merged,
    // so that a figure told with and without its place stays one claim.
    const placeOf = (d: { claim: ExtractedClaim; fig: Figure; phraseEnd?: number }) => d.claim.placeName ?? (d.phraseEnd === undefined ? null : placeAround(d.claim.quote, d.fig, d.phraseEnd));
    let placeName = placeOf(item);
    for (const repeat of item.repeats) placeName ??= placeOf(repeat);
    return { ...item.claim, status, placeName };
  });
  return withConflictingAccounts(claims, sentences.map((s) => s.sentence));
}

const NOT_PLACE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|His|Her|Their|Its|A|An)$/;
// "northeastern Libya", "central Nigeria": a compass word before the place is no part of its name.
const COMPASS = String.raw`(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+`;
const PLACE_NAME = String.raw`\p{Lu}[\p{L}'’-]+`;
const PLACE_AFTER = new RegExp(
  String.raw`^[^.;:]{0,60}?\b(?:in|at|near|across)\s+(?:the\s+)?(?:(?:[a-z]+\s+){0,2}(?:city|town|village|province|district|region|state|county|capital|area|areas|camp|municipality)\s+of\s+|${COMPASS})?(${PLACE_NAME}(?:\s+(?:${PLACE_NAME}|of|de|al|el)){0,3})`,
  "u",
);
const PLACE_OPENING = new RegExp(String.raw`^(?:[A-Z]\w+,?\s+)?In\s+(?:the\s+)?(?:${COMPASS})?(${PLACE_NAME}(?:\s+${PLACE_NAME}){0,2})\s*,`, "u");

/** The place a sentence gives its figure: "in <Place>" after the figure's phrase, or "In <Place>, …" opening the sentence before it. */
function placeAround(sentence: string, fig: Figure, phraseEnd: number): string | null {
  const opening = PLACE_OPENING.exec(sentence.slice(0, Math.min(fig.start, 200)));
  const after = opening ? null : PLACE_AFTER.exec(sentence.slice(phraseEnd, phraseEnd + 120));
  const place = (opening ?? after)?.[1].replace(/\s+(?:of|de|al|el)$/, "") ?? null;
  if (!place || NOT_PLACE.test(place.split(/\s+/)[0])) return null;
  // Whose, not where: "in the Interior Ministry", "at Lee Correctional Institution".
  if (/\b(?:Ministry|Office|Committee|Council|Police|Forces|Army|Institution|Prison|Hospital|University|Court|Government|Parliament|Assembly|Agency|Union|Commission)\b/.test(place)) return null;
  return place;
}

const CONTRARY = /\b(?:on\s+the\s+contrary|(?:gave|give|giving|offered|offer)\s+(?:(?:conflicting|contradictory|differing)\s+)(?:accounts?|figures|versions|tolls))\b/i;
const CONFLICT_REACH = 3;

/**
 * Two sides' accounts against each other ("Meanwhile, a spokesperson for the
 * other ministry said on the contrary that …"): around the sentence that says
 * so, the figures of the category both sides give are disputed — those of the
 * other claimants in the sentences before it, and the contradicting side's own
 * in it and after it.
 */
function withConflictingAccounts(claims: ExtractedClaim[], sentences: Sentence[]): ExtractedClaim[] {
  const sentenceOf = (claim: ExtractedClaim) => sentences.findIndex((s) => s.start <= claim.quoteStart && claim.quoteStart < s.end);
  const at = claims.map((c) => (c.quoteStart < 0 ? -1 : sentenceOf(c)));
  sentences.forEach((sentence, k) => {
    if (!CONTRARY.test(sentence.text.slice(0, 600))) return;
    const after = claims.filter((c, i) => at[i] >= k && at[i] <= k + CONFLICT_REACH - 1);
    const side = after.find((c) => c.claimant.kind !== ClaimantKind.UNATTRIBUTED)?.claimant.name;
    if (!side) return;
    const before = claims.filter((c, i) => at[i] >= k - CONFLICT_REACH && at[i] < k && c.claimant.kind !== ClaimantKind.UNATTRIBUTED && c.claimant.name !== side);
    const own = after.filter((c) => c.claimant.name === side);
    const categories = new Set(own.map((c) => c.category));
    const contested = [...before.filter((c) => categories.has(c.category)), ...own];
    if (contested.length === own.length) return;
    for (const claim of contested) if (claim.status === "CURRENT") claim.status = "DISPUTED";
  });
  return claims;
}

/**
 * A figure the article repeats (the lead, then the body sentence that names
 * its source) is one claim, kept where its source is best named: in its own
 * sentence (2), carried from an earlier one (1), or nowhere (0). Two figures
 * each sourced in their own sentence stay apart even when equal: small
 * counts recur for different events.
 */
function withoutRepeats<T extends { claim: ExtractedClaim; sourced: 0 | 1 | 2; definite?: boolean }>(claims: T[]): (T & { repeats: T[] })[] {
  const key = (c: ExtractedClaim) => `${c.category === "WOUNDED" ? "INJURED" : c.category}|${c.affectedGroup}|${c.best}|${c.placeName ?? ""}|${c.increment}`;
  const kept: (T & { repeats: T[] })[] = [];
  // A few of the repeats each kept claim stands for: what the text says of the figure there (disputed, retracted) holds for it.
  const withRepeat = (into: T & { repeats: T[] }, repeat: T) => {
    if (into.repeats.length < MAX_REPEATS_READ) into.repeats.push(repeat);
  };
  // Per key, the first kept claim and a kept claim not sourced in its own sentence, so a page of repeated figures stays linear.
  const byKey = new Map<string, { first: number; weak: number | undefined }>();
  for (const item of claims) {
    const k = key(item.claim);
    const seen = byKey.get(k);
    const same = seen === undefined ? undefined : item.sourced < 2 || item.definite ? seen.first : seen.weak;
    if (same === undefined) {
      if (seen === undefined) byKey.set(k, { first: kept.length, weak: item.sourced < 2 ? kept.length : undefined });
      else if (item.sourced < 2) seen.weak ??= kept.length;
      kept.push({ ...item, repeats: [] });
    } else if (item.sourced > kept[same].sourced) {
      const { repeats, ...replaced } = kept[same];
      kept[same] = { ...item, repeats: [replaced as unknown as T, ...repeats].slice(0, MAX_REPEATS_READ) };
      if (seen && seen.weak === same && item.sourced === 2) seen.weak = undefined;
    } else withRepeat(kept[same], item);
  }
  return kept;
}

const MAX_REPEATS_READ = 2;

const R_INCREMENT_BEFORE = /\b(?:another|an\s+additional|a\s+further)\s+$/i;
const R_INCREMENT_AFTER = /^\s+(?:more|additional)\b(?!\s+than)/i;

function hasIncrementCue(text: string, fig: Figure): boolean {
  return R_INCREMENT_BEFORE.test(text.slice(Math.max(0, fig.start - 20), fig.start)) || R_INCREMENT_AFTER.test(text.slice(fig.end, fig.end + 20));
}

/**
 * "N more", "another N", "an additional N" add to a figure of the same
 * category given before in the article (or beside it in the sentence): an
 * increment, never a total. The same words before a figure of another
 * category ("two soldiers were killed, and another 163 were injured") only
 * mean "other": a plain figure.
 */
function markIncrements(claims: { claim: ExtractedClaim; cue: boolean }[]): ExtractedClaim[] {
  // "eight more in Sanibheri" is another place's figure, not an addition: the key holds the place.
  const key = (c: ExtractedClaim) => `${c.category}|${c.placeName ?? ""}`;
  const first = new Map<string, number>();
  const perSentence = new Map<string, number>();
  claims.forEach(({ claim }, i) => {
    if (!first.has(key(claim))) first.set(key(claim), i);
    const inSentence = `${key(claim)}|${claim.quoteStart}`;
    perSentence.set(inSentence, (perSentence.get(inSentence) ?? 0) + 1);
  });
  return claims.map(({ claim, cue }, i) => {
    if (!cue) return claim;
    const adds = (first.get(key(claim)) ?? i) < i || (perSentence.get(`${key(claim)}|${claim.quoteStart}`) ?? 0) > 1;
    return adds ? { ...claim, increment: true } : claim;
  });
}
