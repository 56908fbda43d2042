// Who states a figure: the claimant mentions of a sentence and the one each
// figure takes. Pure; `ClaimantMemory` carries what earlier sentences named
// (the last ministry, organisations and their acronyms, the last person) so
// that "the ministry", "the group", "the AAPP" or "he said" find their body.
//
// Mentions, each needing an attribution cue (said, according to, citing,
// reported, recorded, ...) unless the words are a cue themselves:
//  - the rules below: unnamed media and sources, well-known international
//    bodies, NGOs and outlets, national bodies ("the Interior Ministry",
//    "police", "authorities") qualified by the country around them;
//  - any organisation the text names: a run of capitalised words holding an
//    organisation word (Ministry, Commission, Union, Authority, Police, ...),
//    with its acronym when the text gives one in brackets;
//  - acronyms: one the text defined, or one whose letters open the words of an
//    organisation named before ("IHR" after "Iran Human Rights");
//  - back references: "the ministry", "the commission", "the group", "they";
//  - people: "Tokayev said", "said President Tokayev", "Asel X, a spokeswoman
//    for the health ministry, said" — a person is stored as "Body (Person)"
//    when the sentence or their title names their body ("Interior Minister
//    Yerlan T." → the Interior Ministry), else by name.
// Relays: an outlet that only relays ("TASS reported, citing the ministry")
// gives way to its source and is kept as `via`.
import { ClaimantKind } from "../generated/prisma/enums";
import { countryOf } from "./countries";
import type { Figure } from "./numbers";

export interface ClaimantOptions {
  /** The first label of the page's host ("unn" for unn.ua): an acronym equal to it is the outlet naming itself, no source. */
  siteLabel?: string;
  /** Extra or overriding claimant names: detected or resolved name → name to store. */
  claimantAliases?: Record<string, string>;
  /** The country the article is about: national bodies without a country in the text belong to it. */
  countryName?: string;
}

/** Detected names → names to store, for organisations that are not national bodies. */
export const CLAIMANT_ALIASES: Readonly<Record<string, string>> = {
  UN: "United Nations",
  "U.N.": "United Nations",
  "United Nations": "United Nations",
  ICRC: "International Committee of the Red Cross",
  WHO: "World Health Organization",
  OSCE: "Organization for Security and Co-operation in Europe",
  EU: "European Union",
  CSTO: "Collective Security Treaty Organization",
  HRW: "Human Rights Watch",
  AP: "Associated Press",
  AFP: "Agence France-Presse",
  RIA: "RIA Novosti",
  Khabar: "Khabar 24",
};

/** National bodies: normalised name → full name, written "<full name> of <country>" when the country is known. */
export const NATIONAL_BODIES: Readonly<Record<string, string>> = {
  "Interior Ministry": "Ministry of Internal Affairs",
  "Health Ministry": "Ministry of Health",
  "Defence Ministry": "Ministry of Defence",
  "Emergencies Ministry": "Ministry of Emergency Situations",
  "Foreign Ministry": "Ministry of Foreign Affairs",
  "Prosecutor General's Office": "Prosecutor General's Office",
  "National Security Committee": "National Security Committee",
  "Presidential Office": "Office of the President",
  President: "President",
  "Health authorities": "Health authorities",
  Police: "Police",
  Government: "Government",
};

export interface Mention {
  start: number;
  end: number;
  /** Detected name: "Interior Ministry", "UN", "Tokayev", "Media reports", "Sudanese Doctors Union". */
  name: string;
  kind: ClaimantKind;
  national: boolean;
  country: string | null;
  unnamed: boolean;
  ministry: boolean;
  /** A named person speaking for the body, or the person alone (kind PERSON). */
  person?: string | null;
  /** The outlet that relayed this source ("RIA Novosti"), if the sentence says so. */
  via?: string | null;
  /** Taken from an earlier sentence: the figure's own sentence names no source. */
  carried?: boolean;
  /** "a rights group says": an organisation the following sentences name. */
  forward?: boolean;
  /** "reports that …": a source of the figures after it only. */
  introduces?: boolean;
  /** The organisation's head word, lower-case ("commission", "union"), for back references. */
  head?: string | null;
}

/** What earlier sentences of the article named. */
export interface ClaimantMemory {
  lastMinistry: Mention | null;
  organizations: Mention[];
  acronyms: Map<string, Mention>;
  lastPerson: Mention | null;
  /** The mention the last claim was credited to: "they", "the group" point back to it. */
  lastClaimant: Mention | null;
  /** People named so far, by surname, with the body they speak for. */
  people: Map<string, Mention>;
  /** The last source any sentence named, for "it said". */
  lastMention: Mention | null;
}

export function newClaimantMemory(): ClaimantMemory {
  return { lastMinistry: null, organizations: [], acronyms: new Map(), lastPerson: null, lastClaimant: null, people: new Map(), lastMention: null };
}

interface MentionRule {
  re: RegExp;
  name: string | ((match: RegExpExecArray) => string);
  kind: ClaimantKind;
  /** Needs an attribution cue around it (said, according to, ...). */
  cue: boolean;
  national?: boolean;
  unnamed?: boolean;
  ministry?: boolean;
  /** "the ministry": the last ministry named. */
  backReference?: boolean;
  /** An indefinite description ("a rights group says") that the next sentences name. */
  forward?: boolean;
  /** The source of the figures after it only ("reports that …"). */
  introduces?: boolean;
  /** A further check of the match ("Kazakh television" but not "Private television"). */
  accept?: (match: RegExpExecArray) => boolean;
}

/** The UN's human rights office and council are bodies of their own, not "the UN". */
function unBody(match: RegExpExecArray): string {
  if (/OHCHR|[Hh]uman\s+[Rr]ights\s+[Oo]ffice|[Hh]igh\s+[Cc]ommissioner\s+for\s+[Hh]uman/.test(match[0])) return "UN Human Rights Office";
  if (/[Hh]uman\s+[Rr]ights\s+[Cc]ouncil/.test(match[0])) return "UN Human Rights Council";
  if (/[Hh]igh\s+[Cc]ommissioner\s+for\s+[Rr]efugees/.test(match[0])) return "UN Refugee Agency";
  // "U.N. Development Program", "UN Refugee Agency": an agency of its own.
  const agency = /(?:\p{Lu}[\p{L}'’]+\s+){0,3}(?:Program(?:me)?|Fund|Agency|Office|Mission|Organi[sz]ation)$/u.exec(match[0]);
  if (agency && !/^(?:U\.N\.|UN|United\s+Nations)$/.test(agency[0])) return `UN ${agency[0].replace(/\s+/g, " ")}`;
  return "UN";
}

/** Placeholder name of "the ministry" until it is resolved against the ministries named before it. */
const BACK_REFERENCE = "the ministry";
const SOURCE_WORDS = String.raw`(?:unnamed|anonymous|informed|senior|official|police|security|medical|hospital|government|diplomatic|military|law[- ]enforcement)`;
const MENTION_RULES: MentionRule[] = [
  // Unnamed media, with their own cue.
  { re: /\b(?:[Jj]udging\s+(?:by|from)|[Aa]ccording\s+to|[Cc]iting|[Bb]ased\s+on|[Pp]er)\s+(?:the\s+|some\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:several|various|unconfirmed|local|media|news|press|foreign|independent|other|social\s+media|eyewitness|initial|preliminary)\s+)*reports\b/g, name: "Media reports", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true },
  { re: /\b(?:(?:[Ll]ocal|[Ii]ndependent|[Ff]oreign|[Oo]nline|[Ss]ome|[Oo]ther|[Uu]nconfirmed)\s+)?(?:[Mm]edia|[Pp]ress|[Nn]ews\s+outlets|[Oo]utlets|[Rr]eports)\s+(?:have\s+|had\s+)?(?:said|say|says|suggest(?:ed|s)?|indicate[sd]?|claim(?:ed|s)?|reported|report|cited|quoted)\b/g, name: "Media reports", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true },
  // "According to the latest data": figures with no body named, which stops an earlier source being carried to them.
  { re: /\b[Aa]ccording\s+to\s+(?:the\s+)?(?:latest|preliminary|initial|updated|new|available|current)\s+(?:data|figures|estimates|statistics|information|counts?)\b(?!\s+(?:from|by|of|released))/g, name: "Unattributed", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true },
  // "contradicting reports that more than 20 had died": the figure is the reports', not the sentence's speaker's.
  { re: /\b(?:(?:contradicting|contradicted|conflicting|amid|despite|against|following|dismissed|denied|rejected|earlier|unconfirmed|other|local|media|news|press)\s+|there\s+(?:are|were|have\s+been)\s+)reports\s+(?:that|of)\b/gi, name: "Media reports", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true, introduces: true },
  { re: /\b[Rr]eportedly\b|\b[Ii]t\s+(?:was|is|has\s+been)\s+reported\b/g, name: "Media reports", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true },
  // Unnamed sources.
  { re: new RegExp(String.raw`\b(?:[Aa]n?\s+|[Oo]ne\s+|[Tt]wo\s+|[Ss]everal\s+)?(?:${SOURCE_WORDS}\s+)*[Ss]ources?\b(?=\s+(?:said|say|says|told|close|familiar|in|with|at|within)\b)`, "g"), name: "Unnamed source", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true },
  { re: new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:an?\s+|one\s+)?(?:${SOURCE_WORDS}\s+)*sources?\b`, "g"), name: "Unnamed source", kind: ClaimantKind.UNATTRIBUTED, cue: false, unnamed: true },
  // An unnamed individual with a role and a place: "a top physician in Derna told reporters".
  { re: /\b(?:[Aa]n?|[Oo]ne)\s+(?:(?:top|senior|local|hospital|regional)\s+)?(physician|doctor|nurse|medic|official|witness|resident|rescuer|volunteer|journalist)\s+(?:in|at|from)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?=\s+(?:(?:who|that)\s+)?(?:said|says|told|informed|reported|confirmed|estimated)\b)/gu, name: (m) => `A ${m[1]} in ${m[2]}`, kind: ClaimantKind.OTHER, cue: false },
  // An unnamed group described by what it is: "an opposition group in Djibouti says".
  // Copy often names it in the next sentence ("The local advocacy group AAPP …"): a forward reference, resolved there.
  // "the rights group" (definite) points back instead: see BACK_WORDS.
  { re: /\b(?:[Aa]n?)\s+((?:opposition|rebel|armed|human\s+rights|rights|advocacy|civil\s+society|activist|monitoring|student|local)\s+(?:group|coalition|party|organi[sz]ation|alliance|movement|network))\b/g, name: (m) => capitalise(m[1].toLowerCase()), kind: ClaimantKind.OTHER, cue: true, forward: true },
  { re: /\b(?:[Aa]n?|[Oo]ne)\s+(?:(?:senior|local|regional|provincial|district|police|government|security|military|hospital|health|disaster|agency|emergency|rescue|interior|ministry|state|city|county)\s+){0,3}official\b/g, name: "Government", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  // International organisations and NGOs.
  { re: /(?<![\w.])(?:U\.N\.|UN|United\s+Nations|OHCHR)(?![\w-])(?:\s+(?:[Hh]uman\s+[Rr]ights\s+(?:[Oo]ffice|[Cc]ouncil)|[Hh]igh\s+[Cc]ommissioner\s+for\s+(?:[Hh]uman\s+[Rr]ights|[Rr]efugees)|[Ss]ecretary-[Gg]eneral|[Ss]pokes(?:man|woman|person)|(?:\p{Lu}[\p{L}'’]+\s+){0,3}(?:Program(?:me)?|Fund|Agency|Office|Mission|Organi[sz]ation)\b))?/gu, name: unBody, kind: ClaimantKind.INTERNATIONAL_ORGANIZATION, cue: true },
  { re: /\b(?:International\s+Committee\s+of\s+the\s+Red\s+Cross|ICRC|Red\s+Cross)\b/g, name: "ICRC", kind: ClaimantKind.INTERNATIONAL_ORGANIZATION, cue: true },
  { re: /\b(?:World\s+Health\s+Organi[sz]ation|WHO)\b/g, name: "WHO", kind: ClaimantKind.INTERNATIONAL_ORGANIZATION, cue: true },
  { re: /\b(?:OSCE|EU|European\s+Union|CSTO)\b/g, name: (m) => (m[0] === "European Union" ? "EU" : m[0]), kind: ClaimantKind.INTERNATIONAL_ORGANIZATION, cue: true },
  { re: /\b(?:Human\s+Rights\s+Watch|HRW)\b/g, name: "HRW", kind: ClaimantKind.OTHER, cue: true },
  { re: /\bAmnesty(?:\s+International)?\b/g, name: "Amnesty International", kind: ClaimantKind.OTHER, cue: true },
  // Plural only: "the rights group" is a back reference to the group named before.
  { re: /\b(?:[Hh]uman\s+)?[Rr]ights\s+(?:groups|organi[sz]ations|defenders|monitors)\b/g, name: "Human rights groups", kind: ClaimantKind.OTHER, cue: true },
  { re: /\b(?:[Aa]ctivists|[Rr]ights\s+activists)\b/g, name: "Activists", kind: ClaimantKind.OTHER, cue: true },
  { re: /\b(?:[Ee]ye)?[Ww]itnesses\b/g, name: "Witnesses", kind: ClaimantKind.OTHER, cue: true },
  { re: /\b(?:[Dd]octors|[Mm]edics|[Pp]aramedics|[Hh]ospital\s+(?:officials|staff))\b/g, name: "Medical staff", kind: ClaimantKind.OTHER, cue: true },
  // Named media.
  { re: /\b(?:Reuters|Associated\s+Press|AP|AFP|Agence\s+France-Presse|TASS|RIA\s+Novosti|RIA|Interfax(?:-Kazakhstan)?|Sputnik|RT|BBC|CNN|Al\s+Jazeera|Khabar(?:\s+24)?|Kazinform|Tengrinews|Azattyq|RFE\/RL|Radio\s+Free\s+Europe(?:\/Radio\s+Liberty)?|Eurasianet|Xinhua|Anadolu|Bloomberg|Kommersant|KazTAG)\b/g, name: (m) => m[0].replace(/\s+/g, " "), kind: ClaimantKind.MEDIA, cue: true },
  { re: /\b[Ss]tate(?:-run|-owned)?\s+(?:TV|television|media|broadcaster|news\s+agency|news\s+channel|channel)\b/g, name: "State media", kind: ClaimantKind.MEDIA, cue: true },
  // "a Kazakh television report", "Iranian state TV": the country's broadcaster.
  { re: /\b(\p{Lu}\p{Ll}+)\s+(?:state\s+)?(television|TV|broadcaster|news\s+agency)\b/gu, name: (m) => `${m[1]} ${m[2].toLowerCase() === "tv" ? "TV" : m[2].toLowerCase()}`, kind: ClaimantKind.MEDIA, cue: true, accept: (m) => countryOf(m[1]) !== null },
  // National bodies.
  { re: /\b(?:(?:[Ii]nterior|[Ii]nternal\s+[Aa]ffairs)\s+[Mm]inistry|[Mm]inistry\s+of\s+(?:the\s+)?(?:[Ii]nterior|[Ii]nternal\s+[Aa]ffairs)|[Ii]nterior\s+[Mm]inister(?!\s+[A-Z])|MVD)\b/g, name: "Interior Ministry", kind: ClaimantKind.GOVERNMENT, cue: true, national: true, ministry: true },
  { re: /\b(?:[Hh]ealth(?:care)?\s+[Mm]inistry|[Mm]inistry\s+of\s+(?:[Pp]ublic\s+)?[Hh]ealth(?:care)?|[Hh]ealth\s+[Mm]inister(?!\s+[A-Z]))\b/g, name: "Health Ministry", kind: ClaimantKind.GOVERNMENT, cue: true, national: true, ministry: true },
  { re: /\b(?:[Dd]efen[cs]e\s+[Mm]inistry|[Mm]inistry\s+of\s+[Dd]efen[cs]e|[Dd]efen[cs]e\s+[Mm]inister(?!\s+[A-Z]))\b/g, name: "Defence Ministry", kind: ClaimantKind.GOVERNMENT, cue: true, national: true, ministry: true },
  { re: /\b(?:[Ee]mergenc(?:y|ies)(?:\s+[Ss]ituations)?\s+[Mm]inistry|[Mm]inistry\s+(?:of|for)\s+[Ee]mergenc(?:y|ies)(?:\s+[Ss]ituations)?)\b/g, name: "Emergencies Ministry", kind: ClaimantKind.GOVERNMENT, cue: true, national: true, ministry: true },
  { re: /\b(?:[Ff]oreign\s+[Mm]inistry|[Mm]inistry\s+of\s+[Ff]oreign\s+[Aa]ffairs)\b/g, name: "Foreign Ministry", kind: ClaimantKind.GOVERNMENT, cue: true, national: true, ministry: true },
  { re: /\b(?:[Pp]rosecutor[- ][Gg]eneral(?:'s|’s)\s+[Oo]ffice|[Gg]eneral\s+[Pp]rosecutor(?:'s|’s)\s+[Oo]ffice|[Pp]rosecutor[- ][Gg]eneral|[Pp]rosecutors|(?:[Ss]tate|[Pp]ublic|[Cc]hief)\s+[Pp]rosecutor(?:(?:'s|’s)\s+[Oo]ffice)?)\b/g, name: "Prosecutor General's Office", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  { re: /\b(?:National\s+Security\s+Committee|KNB)\b/g, name: "National Security Committee", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  { re: /\b[Tt](?:he|his|hat)\s+ministry\b/g, name: "Government", kind: ClaimantKind.GOVERNMENT, cue: true, national: true, backReference: true },
  { re: /\b[Pp]olice\b(?!\s+(?:officers?|stations?|cars?|vehicles?|buildings?|headquarters|m[ae]n|wom[ae]n|forces))/g, name: "Police", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  { re: /\b[Hh]ealth\s+(?:officials|authorities)\b/g, name: "Health authorities", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  { re: /\b[Pp]residency\b/g, name: "Presidential Office", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  { re: /\b(?:[Tt]he\s+)?President\b(?!\s+\p{Lu})/gu, name: "President", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  // Unnamed regional officials: "the regional governor said", "citing the region's head".
  { re: /\b(?:[Tt]he\s+)?(?:[Rr]egional|[Pp]rovincial|[Dd]istrict|[Oo]blast|[Ss]tate|[Cc]ity|[Ll]ocal)\s+(?:[Gg]overnor|[Mm]ayor|[Hh]ead|[Cc]hief|[Aa]dministration|[Aa]uthorities|[Oo]fficials)\b(?!\s+\p{Lu})/gu, name: (m) => capitalise(m[0].replace(/^[Tt]he\s+/, "").toLowerCase()), kind: ClaimantKind.GOVERNMENT, cue: true },
  { re: /\b(?:[Tt]he\s+)?(?:region|province|district|oblast|city)(?:'s|’s)\s+(?:head|governor|mayor|chief|administration|authorities)\b/g, name: (m) => capitalise(m[0].replace(/^[Tt]he\s+/, "").replace(/^(\w+)(?:'s|’s)\s+(\w+)$/, "$2 of the $1").toLowerCase()), kind: ClaimantKind.GOVERNMENT, cue: true },
  { re: /\bKremlin\b/g, name: "Kremlin", kind: ClaimantKind.GOVERNMENT, cue: true },
  { re: /\b(?:[Pp]resident(?:'s|’s)\s+[Oo]ffice|[Pp]residential\s+(?:[Aa]dministration|[Oo]ffice|[Pp]ress\s+[Ss]ervice)|Akorda)\b/g, name: "Presidential Office", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
  // Not "local government area" (a Nigerian district), "government forces", "government buildings".
  { re: /(?<!\b[Ll]ocal\s)\b(?:[Gg]overnment|[Aa]uthorities|[Oo]fficials)\b(?!\s+(?:areas?|forces|troops|soldiers|buildings?|offices|headquarters|premises|hospitals?|schools?|workers|employees|quarter|house|supporters|loyalists)\b)/g, name: "Government", kind: ClaimantKind.GOVERNMENT, cue: true, national: true },
];

const ATTRIBUTION_VERB = String.raw`(?:said|says|say|saying|reported|reports|report|reporting|announced|announces|announcing|stated|states|state|stating|estimated|estimates|estimate|claimed|claims|confirmed|confirms|put|puts|told|tells|added|adds|wrote|writes|tweeted|posted|tallied|counted|recorded|records|warned|warns|registered|published|publishes|released|updated|gave|gives|noted|insisted|cited|citing|quoted|revealed|reveals|documented|informed|indicated|showed|shows|acknowledged|admitted|disclosed|declared|verified|listed|put\s+the)`;
const CUE_AFTER = new RegExp(
  String.raw`^(?:(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:figures|data|estimates?|statistics|count|tally|report|statement|press\s+(?:service|office)|spokes(?:man|woman|person)|${ATTRIBUTION_VERB})\b|(?:\s+[\w'’-]+){0,4}?\s+${ATTRIBUTION_VERB}\b|,?\s+(?:which|who)\s+(?:(?:has|have|had|also|later|earlier)\s+){0,2}${ATTRIBUTION_VERB}\b|\s*,\s+(?:(?:has|have|had|also|later|earlier|then)\s+)?${ATTRIBUTION_VERB}\b|\s+(?:figures|data|estimates?|statistics|count|tally|report|statement)\b)`,
);
const CUE_BEFORE = /(?:\b[Aa]ccording\s+to|\b[Ss]ources?\s+(?:in|at|from|within)|\b[Dd]ata\s+(?:released|published)\s+by|\b[Rr]eleased\s+by|\b[Cc]iting|\b[Cc]ited\s+by|\b[Qq]uoted\s+by|\b[Rr]eported\s+by|\bsaid|\bsays|\btold|\b[Dd]ata\s+(?:from|by|of)|\b[Ff]igures\s+(?:from|by|of|released\s+by)|\b[Ee]stimates\s+(?:from|by|of)|\b(?:[Ss]tatement|[Rr]eport|[Dd]ata|[Ff]igures|[Tt]ally|[Cc]ount|[Bb]riefing|[Ee]stimates?)\s+(?:(?:released|issued|published|posted|compiled|provided|shared|given|put\s+out)\s+(?:[\w-]+\s+){0,3}?)?(?:from|by)|\bper)\s+(?:(?:the|a|an|one)\s+)?(?:[a-z][\w-]*\s+){0,3}$/;


/** Country words around a national body: "Kazakhstan's", "the country's", "Kazakh", "of Kazakhstan", "Sri Lankan". */
function countryAround(text: string, start: number, end: number, options: ClaimantOptions): { start: number; end: number; country: string | null; demonym: string | null } {
  const before = text.slice(Math.max(0, start - 60), start);
  const offset = Math.max(0, start - 60);
  const after = text.slice(end, end + 60);
  // "in the Hamas-ruled Gaza Strip": a qualifier before the name is read past.
  const ofCountry = /^\s+(?:of|in)\s+(?:the\s+)?(?:Republic\s+of\s+)?(?:\p{Lu}[\p{L}]*-(?:ruled|run|held|controlled|occupied|led)\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2})/u.exec(after);
  if (ofCountry) {
    const words = ofCountry[1].split(/\s+/);
    const country = countryOf(ofCountry[1]) ?? countryOf(words.slice(0, 2).join(" ")) ?? countryOf(words[0]);
    if (country) return { start, end: end + ofCountry[0].length, country: country.name, demonym: null };
  }
  if (/\b(?:the\s+)?country(?:'s|’s)\s+$/.test(before)) {
    const m = /\b(?:the\s+)?country(?:'s|’s)\s+$/.exec(before) as RegExpExecArray;
    return { start: offset + m.index, end, country: options.countryName ?? null, demonym: null };
  }
  // "Kazakhstan's", "Sri Lanka's", "Kazakh", "Sri Lankan", "eastern Libyan".
  const adjective = /(?:\b(?:[Ee]astern|[Ww]estern|[Nn]orthern|[Ss]outhern|[Cc]entral)\s+)?\b(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)(?:'s|’s)?\s+$/u.exec(before);
  if (adjective) {
    const words = adjective[1].split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      const country = countryOf(words.slice(i).join(" "));
      if (country) return { start: offset + adjective.index, end, country: country.name, demonym: null };
    }
  }
  return { start, end, country: null, demonym: null };
}

function hasCue(text: string, start: number, end: number, kind: ClaimantKind): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  if (CUE_BEFORE.test(before) && !(kind === ClaimantKind.MEDIA && /\btold\s+(?:the\s+)?$/i.test(before))) return true;
  return CUE_AFTER.test(text.slice(end, end + 80));
}

function overlapsAny(mentions: Mention[], span: { start: number; end: number }): boolean {
  return mentions.some((m) => m.start < span.end && span.start < m.end);
}

/**
 * All of `patterns` as one pattern per set of flags (names of groups dropped), or null when one refers back to a
 * group (then they cannot be joined): a text none of these matches is not searched with each pattern in turn
 * (most sentences of a long page name no source).
 */
function anyOf(patterns: RegExp[]): RegExp[] | null {
  if (patterns.some((re) => /\\[1-9]|\\k</.test(re.source))) return null;
  const byFlags = new Map<string, string[]>();
  for (const re of patterns) {
    const flags = re.flags.replace(/[gyd]/g, "");
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), re.source.replace(/\(\?<(?=[A-Za-z])\w+>/g, "(?:")]);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags));
}

/** False only when no pattern joined in `any` (see anyOf) matches `text`. */
function mayMatch(any: RegExp[] | null, text: string): boolean {
  return any === null || any.some((re) => re.test(text));
}

const ANY_MENTION = anyOf(MENTION_RULES.map((r) => r.re));

/** Organisations, media, sources and unnamed reports named with an attribution cue. */
function findRuleMentions(text: string, options: ClaimantOptions): Mention[] {
  const mentions: Mention[] = [];
  if (!mayMatch(ANY_MENTION, text)) return mentions;
  for (const rule of MENTION_RULES) {
    rule.re.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.re.exec(text)) !== null) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (overlapsAny(mentions, span) || (rule.accept && !rule.accept(match))) continue;
      const around = rule.national ? countryAround(text, span.start, span.end, options) : { ...span, country: null, demonym: null };
      if (rule.cue && !hasCue(text, around.start, around.end, rule.kind)) continue;
      const name = rule.backReference ? BACK_REFERENCE : typeof rule.name === "string" ? rule.name : rule.name(match);
      mentions.push({
        start: around.start,
        end: around.end,
        name,
        kind: rule.kind,
        national: !!rule.national,
        country: around.country,
        unnamed: !!rule.unnamed,
        ministry: !!rule.ministry || !!rule.backReference,
        forward: !!rule.forward,
        introduces: !!rule.introduces,
      });
    }
  }
  return mentions;
}

// ───────────────────────── organisations the text names ─────────────────────────

const GOVERNMENT_HEADS = /^(?:Ministry|Ministries|Office|Administration|Department|Authority|Agency|Directorate|Police|Army|Forces|Force|Command|Government|Prosecutor|Prosecutors|Council|Cabinet|Parliament|Presidency|Ombudsman|Municipality|Governorate|Secretariat|Defense|Defence|Service|Services)$/;
const CIVIL_HEADS = /^(?:Institution|Facility|Hospital|University|College|Prison|Penitentiary|Union|Syndicate|Association|Society|Societies|Federation|Watch|Rights|Network|Coalition|Institute|Observatory|Monitor|Centre|Center|Commission|Committee|Group|Foundation|Alliance|Movement|Board|Bureau|Crescent|Cross|Organi[sz]ation|Organi[sz]ations|Fund|Programme|Program|Mission|Tribunal|Court|Body|Trust)$/;
const MEDIA_HEADS = /^(?:Television|TV|Radio|Broadcasting|Broadcaster|Channel)$/;
const INTERNATIONAL_WORDS = /\b(?:International|United\s+Nations|UN|World|Red\s+Cross|Red\s+Crescent|Global|European)\b/;
const MAX_NAME_WORDS = 12;
const MAX_REMEMBERED = 50;
const CALENDAR_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/;
const CONNECTORS = new Set(["of", "for", "and", "on", "&", "de", "du", "des", "in"]);
// Capitalised words that open a sentence or a clause, never a name's first word.
const NOT_NAME_START = new Set([
  "The", "A", "An", "According", "Citing", "Earlier", "Later", "Meanwhile", "However", "But", "And", "Also", "Then", "On", "In", "At",
  "As", "By", "For", "From", "With", "After", "Before", "While", "When", "Since", "Its", "Their", "His", "Her", "This", "That", "These",
  "Those", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Yesterday", "Today", "Last", "Separately", "Both",
  "Officials", "Authorities", "Reports", "Data", "Figures",
]);

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Maximal runs of capitalised words, joined by "of", "for", "and", "on" between them. */
function capitalisedRuns(text: string): Token[][] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}&][\p{L}\p{N}'’.&-]*/gu;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) tokens.push({ word: match[0].replace(/[.]$/, ""), start: match.index, end: match.index + match[0].replace(/[.]$/, "").length });
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1].word)) run.pop();
    // No organisation's name runs past a dozen words; a longer run (a page of Title Case) is read in pieces.
    while (run.length > MAX_NAME_WORDS) runs.push(run.splice(0, MAX_NAME_WORDS));
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const gap = i > 0 ? text.slice(tokens[i - 1].end, token.start) : "";
    if (run.length > 0 && !/^\s+$/.test(gap)) flush();
    // Days and months end a name: "the Agency on Monday".
    if (CALENDAR_WORD.test(token.word)) flush();
    else if (/^\p{Lu}/u.test(token.word)) run.push(token);
    // "the Sudanese Doctors union": a lower-case organisation word closing a name of
    // two or more capitalised words ("Private broadcaster" is no name).
    else if (run.length > 1 && /^\p{Lu}/u.test(run[run.length - 1].word) && isHeadWord(capitalise(token.word))) {
      run.push(token);
      flush();
    }
    else if (run.length > 0 && CONNECTORS.has(token.word)) run.push(token);
    else flush();
  }
  flush();
  return runs;
}

const ACRONYM = /^[A-Z][A-Z&]{1,7}$/;
const PERSONAL_TITLE = /^(?:Deputy|Superintendent|Inspector|Spokes(?:man|woman|person)|Commissioner|Minister|Governor|Mayor|Chief|Acting|Senior|Officer|Sergeant|Captain|Colonel|General|Lieutenant|Major)$/;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isHeadWord(word: string): boolean {
  return GOVERNMENT_HEADS.test(word) || CIVIL_HEADS.test(word) || MEDIA_HEADS.test(word);
}

/** "The Sudanese Doctors Union", "Kenya National Commission on Human Rights (KNCHR)": organisations with their acronyms. */
function findOrganizations(text: string, options: ClaimantOptions, memory: ClaimantMemory, taken: Mention[]): Mention[] {
  const found: Mention[] = [];
  // A name kept below has two words or more of a run, and a run of two holds two capitalised words (see
  // capitalisedRuns): a text with fewer than two capital letters names no organisation.
  if (!/\p{Lu}[^]*\p{Lu}/u.test(text)) return found;
  for (let run of capitalisedRuns(text)) {
    while (run.length > 0 && (NOT_NAME_START.has(run[0].word) || CONNECTORS.has(run[0].word))) run = run.slice(1);
    // "Deputy Superintendent of Police of X": a person's title, read with the person it names.
    if (run.length > 0 && PERSONAL_TITLE.test(run[0].word)) continue;
    // The name ends at its last organisation word, or runs on through "of <Country>".
    let last = -1;
    for (let i = 0; i < run.length; i++) if (isHeadWord(capitalise(run[i].word))) last = i;
    if (last < 0) continue;
    let end = last;
    // "Commission on Human Rights", "Ministry of Internal Affairs of Kazakhstan": the name runs on through its complements.
    if (run[end + 1] && CONNECTORS.has(run[end + 1].word)) end = run.length - 1;
    // "Hong Kong Police Force": an organisation word followed by more of the name.
    else while (end + 1 < run.length && isHeadWord(capitalise(run[end + 1].word))) end++;
    // "Hamas-run Health Ministry", "Oslo-based IHR": the qualifier is not part of the name.
    // "New York-based organization": everything up to the qualifier's last word goes.
    let first = 0;
    for (let i = 0; i < end; i++) if (/-(?:run|led|based|backed|owned|controlled|affiliated)$/i.test(run[i].word)) first = i + 1;
    const words = run.slice(first, end + 1);
    // "Deputy Superintendent of Police Namaraj Bhattarai": the capitalised words after the body name its speaker.
    const rest = run.slice(end + 1).filter((t) => !CONNECTORS.has(t.word));
    const speaker = rest.length >= 2 && rest.length <= 4 && rest.every((t) => /^\p{Lu}\p{Ll}/u.test(t.word) && !isHeadWord(t.word) && countryOf(t.word) === null) ? rest.map((t) => t.word).join(" ") : null;
    // A lone head word ("Police", "Government") is the national rules' business.
    if (words.length < 2) continue;
    const start = words[0].start;
    let stop = words[words.length - 1].end;
    const name = text.slice(start, stop).replace(/\s+/g, " ");
    if (overlapsAny(taken, { start, end: stop }) && !taken.some((m) => m.start >= start && m.end <= stop)) continue;
    const acronym = /^\s*\(([A-Z][A-Za-z&]{1,9})\)/.exec(text.slice(stop, stop + 14));
    const headWord = capitalise(words.filter((w) => isHeadWord(capitalise(w.word))).pop()!.word);
    const kind = MEDIA_HEADS.test(headWord)
      ? ClaimantKind.MEDIA
      : INTERNATIONAL_WORDS.test(name)
      ? ClaimantKind.INTERNATIONAL_ORGANIZATION
      : GOVERNMENT_HEADS.test(headWord)
        ? ClaimantKind.GOVERNMENT
        : ClaimantKind.OTHER;
    const mention: Mention = {
      start,
      end: stop,
      name,
      kind,
      national: false,
      country: null,
      unnamed: false,
      ministry: /^Ministr/.test(headWord),
      head: headWord.toLowerCase(),
      person: speaker,
    };
    if (acronym) {
      stop += acronym[0].length;
      memory.acronyms.set(acronym[1], mention);
    }
    memory.organizations.push(mention);
    // Back references and initials look at the organisations named lately; a page naming thousands keeps the last ones.
    if (memory.organizations.length > MAX_REMEMBERED) memory.organizations.shift();
    if (hasCue(text, start, stop, kind)) found.push({ ...mention, end: stop });
  }
  return found;
}

/** "the AAPP reported", "IHR said": a defined acronym, or the initials of an organisation named before. */
function findAcronyms(text: string, memory: ClaimantMemory, taken: Mention[], options: ClaimantOptions = {}): Mention[] {
  const found: Mention[] = [];
  const re = /(?<![\w(])(?:the\s+)?([A-Z][A-Z&]{1,7})(?![\w)])/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (overlapsAny(taken, span)) continue;
    const acronym = match[1];
    const known = memory.acronyms.get(acronym) ?? memory.organizations.find((o) => initials(o.name) === acronym);
    if (!known && options.siteLabel === acronym.toLowerCase()) continue;
    if (!hasCue(text, span.start, span.end, ClaimantKind.OTHER)) continue;
    if (known) found.push({ ...known, ...span });
    else if (!(acronym in CLAIMANT_ALIASES) && !/^(?:AM|PM|GMT|UTC|TV|OK|US|UK|NGO|NGOS|CEO|MP|MPS|GDP|ID|COVID|AFP|AP|PTI|IANS)$/.test(acronym))
      found.push({ ...span, name: acronym, kind: ClaimantKind.OTHER, national: false, country: null, unnamed: false, ministry: false, head: null });
  }
  return found;
}

/** The first letters of a name's capitalised words: "Iran Human Rights" → "IHR". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

const BACK_WORDS = /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:[a-z]+|(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+-based)\s+){0,2}?(commission|committee|group|organi[sz]ation|union|syndicate|association|agency|authority|society|federation|office|council|centre|center|watchdog|monitor|network|coalition|doctors|department|administration|NGO|rights\s+group)\b|\b(They)\b/g;

/** "the commission said", "They state": the last organisation of that kind named before. */
function findBackReferences(text: string, memory: ClaimantMemory, earlier: Mention[], taken: Mention[]): Mention[] {
  const found: Mention[] = [];
  BACK_WORDS.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BACK_WORDS.exec(text)) !== null) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (overlapsAny(taken, span) || !hasCue(text, span.start, span.end, ClaimantKind.OTHER)) continue;
    const head = (match[1] ?? "").toLowerCase();
    const candidates = [...earlier].reverse();
    const last = memory.lastClaimant && memory.lastClaimant.kind !== ClaimantKind.UNATTRIBUTED ? memory.lastClaimant : null;
    const target = head === "" || /^(?:group|organi[sz]ation|ngo|rights\s+group)$/.test(head)
      ? (last ?? candidates[0])
      : head === "doctors"
        ? candidates.find((o) => /doctor|medic|health/i.test(o.name))
        : candidates.find((o) => o.head === head || (o.head !== null && o.head !== undefined && head.startsWith(o.head.slice(0, 5))));
    if (target) found.push({ ...target, ...span });
  }
  return found;
}

const TITLE_WORDS = new Set([
  "The", "A", "An", "President", "Prime", "Minister", "Deputy", "Vice", "Interior", "Health", "Defence", "Defense", "Foreign", "Kremlin",
  "Spokesman", "Spokeswoman", "Spokesperson", "Presidential", "Press", "Secretary", "General", "Gen.", "Colonel", "Col.", "Mr", "Mr.",
  "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Mayor", "Governor", "Senator", "Chief", "Head", "Commander", "Lieutenant", "Major", "Judge",
  "Kazakh", "Russian", "Later", "Earlier", "Meanwhile", "However", "But", "And", "On", "In", "Also", "Then", "Monday", "Tuesday",
  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Yesterday", "Today",
]);
const NOT_PERSON = /-(?:ruled|run|held|controlled|occupied|based|led)\b|\b(?:Strip|Bank|Province|Region|District|Oblast|Territory|Valley|Ministry|Office|Committee|Council|Service|Department|Agency|Police|Government|Authorities|Officials|Watch|International|News|Organi[sz]ation|Nations|Union|Press|Media|Reports?|TV|Television|It|He|She|They|We|I|This|That|There|Witnesses|Doctors|Activists|Sources?|Kremlin|State|City|Akimat|Prosecutors?)\b/;
// A name's words may carry a lower-case particle: "Ashraf al-Qudra".
const PARTICLE = String.raw`(?:(?:al|el|ad|ash|abu|bin|ibn)-)?`;
const PERSON_BEFORE_VERB = new RegExp(
  String.raw`((?:${PARTICLE}[A-Z][a-zA-Z'’.-]+\s+){0,3}${PARTICLE}[A-Z][a-zA-Z'’-]+)(?=(?:\s+(?:also|later|earlier|has|had|then|on\s+[A-Z]\w+))?\s+(?:said|says|told|stated|announced|claimed|wrote|tweeted|added|confirmed|insisted|reported|informed|estimated)\b)`,
  "g",
);
const PERSON_AFTER_CUE = new RegExp(String.raw`\b(?:said|according\s+to|citing)\s+((?:${PARTICLE}[A-Z][a-zA-Z'’.-]+\s+){0,3}${PARTICLE}[A-Z][a-zA-Z'’-]+)`, "g");


// Titles that name the speaker's body: "Interior Minister X" speaks for the Interior Ministry.
const TITLE_BODIES: [RegExp, string][] = [
  [/\b(?:Interior|Internal\s+Affairs)\s+Minister\b/, "Interior Ministry"],
  [/\bHealth\s+Minister\b/, "Health Ministry"],
  [/\bDefen[cs]e\s+Minister\b/, "Defence Ministry"],
  [/\bForeign\s+Minister\b/, "Foreign Ministry"],
  [/\bEmergenc(?:y|ies)\s+Minister\b/, "Emergencies Ministry"],
  [/\bProsecutor[- ]General\b/, "Prosecutor General's Office"],
];

const ANY_PERSON = anyOf([PERSON_BEFORE_VERB, PERSON_AFTER_CUE]);

/** "Tokayev said", "said President Kassym-Jomart Tokayev": the name without titles, and the body a title names. */
function findPersonMentions(text: string, taken: Mention[], options: ClaimantOptions): Mention[] {
  const mentions: Mention[] = [];
  if (!mayMatch(ANY_PERSON, text)) return mentions;
  for (const re of [PERSON_BEFORE_VERB, PERSON_AFTER_CUE]) {
    re.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
      const words = match[1].split(/\s+/);
      const nameStart = match.index + match[0].length - match[1].length;
      let offset = 0;
      const titles: string[] = [];
      // "Kherson Oblast Governor Yaroslav Y.": everything up to the last title word is the office, not the name.
      const lastTitle = words.reduce((at, w, i) => (TITLE_WORDS.has(w) && i < words.length - 1 ? i : at), -1);
      while (words.length > 0 && (TITLE_WORDS.has(words[0]) || titles.length <= lastTitle - 0 && titles.length < lastTitle + 1)) {
        titles.push(words[0]);
        offset += words.shift()!.length + 1;
      }
      const name = words.join(" ").replace(/(?:'s|’s)$/, "");
      if (!name || NOT_PERSON.test(name) || countryOf(name)) continue;
      // "it said Northtown saw three deaths": a name that a verb follows is the reported clause's subject, not the speaker.
      if (re === PERSON_AFTER_CUE && /^said\b/.test(match[0]) && /^\s+(?!(?:on|in|at|during|after|before|yesterday|today|last|this|when|while|adding|and|who|of|from|for|to|as)\b)\p{Ll}/u.test(text.slice(match.index + match[0].length))) continue;
      // Places report figures too ("Punjab reported 223 deaths"): with these verbs only a titled name is a person.
      if (titles.length === 0 && /^\s*(?:reported|informed|estimated)\b/.test(text.slice(match.index + match[0].length).replace(/^(?:\s+(?:also|later|earlier|has|had|then))?/, ""))) continue;
      const start = nameStart + offset;
      const span = { start, end: start + name.length };
      if ([...taken, ...mentions].some((m) => m.start < span.end && span.start < m.end)) continue;
      const titleText = `${text.slice(Math.max(0, nameStart - 40), nameStart)} ${titles.join(" ")}`;
      const body = TITLE_BODIES.find(([re]) => re.test(titleText));
      if (body) {
        const around = countryAround(text, nameStart, nameStart, options);
        mentions.push({ ...span, name: body[1], kind: ClaimantKind.GOVERNMENT, national: true, country: around.country, unnamed: false, ministry: true, person: name });
      } else {
        mentions.push({ ...span, name, kind: ClaimantKind.PERSON, national: false, country: null, unnamed: false, ministry: false, person: name });
      }
    }
  }
  return mentions;
}

const PERSON_ROLE = /\b(?:spokes(?:man|woman|person)|minister|head|chief|director|official|governor|commander|president|secretary(?:-general)?|chair(?:man|woman|person)?|leader|representative|officer|superintendent|mayor|deputy|adviser|advisor|doctor|physician|surgeon|coordinator|manager|inspector|general|colonel|captain|prosecutor|judge|member|researcher|activist|lawyer|founder|executive|ambassador|envoy|aide)\b/i;
const APPOSITIVE_ROLE_FIRST = /\b(?:a|an|the)\s+((?:spokes(?:man|woman|person)|representative|official|head|chief|director|adviser|advisor|officer)\s+(?:for|of|at|from)\s+[^,;]{3,100}?),\s+((?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+),\s+(?:(?:also|later|then)\s+)?(?:said|says|told|stated|announced|added|confirmed|noted)\b/gu;
const APPOSITIVE = /((?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+),\s+(?:(?:a|an|the)\s+)?([^,;]{3,160}?)\s*,?\s+(?:(?:also|later|earlier|then)\s+)?(?:said|says|told|stated|announced|added|confirmed|wrote|noted|reported|informed)\b/gu;
const APPOSITIVE_HEAD = /((?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+),\s+who\s+(?:heads|leads|chairs|runs)\s+(?:the\s+)?([^,;]{2,60}?)\s*,\s*(?:said|says|told|stated|announced|added)\b/gu;

const ANY_APPOSITIVE = anyOf([APPOSITIVE, APPOSITIVE_HEAD, APPOSITIVE_ROLE_FIRST]);

/** "Asel X, a spokeswoman for the health ministry, said": the person, speaking for the body the apposition names. */
function findAppositives(text: string, options: ClaimantOptions, memory: ClaimantMemory): Mention[] {
  const found: Mention[] = [];
  if (!mayMatch(ANY_APPOSITIVE, text)) return found;
  for (const re of [APPOSITIVE, APPOSITIVE_HEAD, APPOSITIVE_ROLE_FIRST]) {
    re.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
      // APPOSITIVE_ROLE_FIRST captures the role first: "a spokesperson for the X Ministry, Senor A., said".
      const [personText, role] = re === APPOSITIVE_ROLE_FIRST ? [match[2], match[1]] : [match[1], match[2]];
      const person = personText.split(/\s+/).filter((w) => !TITLE_WORDS.has(w)).join(" ");
      // "Lee Correctional Institution, South Carolina prisons chief X, said": a body's name is no person's.
      if (!person || NOT_PERSON.test(person) || countryOf(person) || person.split(/\s+/).some((w) => isHeadWord(w))) continue;
      // "Zalingei, the capital of Central Darfur, reported …": only a role that a person holds makes the name a speaker.
      if (re === APPOSITIVE && !PERSON_ROLE.test(role)) continue;
      const roleStart = match.index + match[0].indexOf(role);
      // The body inside the apposition, read as if it were cued ("for the health ministry", "of Ukraine's presidential office").
      const cued = `according to ${role} said`;
      const bodies = [
        ...findRuleMentions(cued, options),
        ...findOrganizations(cued, options, { ...memory, organizations: [...memory.organizations] }, []),
        ...findAcronyms(cued, memory, []),
      ];
      const body = bodies.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
      const start = match.index;
      const end = Math.max(roleStart + role.length, match.index + match[0].indexOf(personText) + personText.length);
      if (body) {
        const country = body.country ?? countryAround(role, role.length, role.length, options).country;
        found.push({ ...body, start, end, person, country: body.country ?? (body.national ? country : null) });
      } else {
        found.push({ start, end, name: person, kind: ClaimantKind.PERSON, national: false, country: null, unnamed: false, ministry: false, person });
      }
    }
  }
  return found;
}

const COUNTRY_SPEAKS = new RegExp(String.raw`(?<![\p{L}'’-])(?<!\b(?:in|of|from|at|to)\s)(?:The\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)(?=\s+(?:(?:has|have|had|on\s+\p{Lu}\p{Ll}+|previously|earlier|later|also|officially|now|sharply|first|initially|then)\s+){0,3}(?:said|confirmed|acknowledged|admitted|announced|reported|revised|put|stated|claimed|says|estimated|recorded|gave)\b)`, "gu");

/** "Iran has confirmed …", "Kazakhstan had previously acknowledged …": the country's government speaks. */
function findCountrySpeakers(text: string, options: ClaimantOptions, taken: Mention[]): Mention[] {
  const found: Mention[] = [];
  COUNTRY_SPEAKS.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = COUNTRY_SPEAKS.exec(text)) !== null) {
    const start = match.index + match[0].length - match[1].length;
    const span = { start, end: start + match[1].length };
    const country = countryOf(match[1]);
    if (!country || overlapsAny(taken, span) || country.name.toLowerCase() !== match[1].toLowerCase()) continue;
    found.push({ ...span, name: "Government", kind: ClaimantKind.GOVERNMENT, national: true, country: country.name, unnamed: false, ministry: false });
  }
  return found;
}

const TITLED_AFTER_CUE = /\b(?:said|according\s+to|told\s+\w+)\s+((?:(?:[\p{Lu}][\p{L}'’.-]*|of|the|for|district|province|region|city|state)\s+){2,9}?)(\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){1,2})(?=\s*(?:[.,;]|$))/gu;

/** "said Deputy Superintendent of Police of Jajarkot district Santosh Roka": the person, speaking for the body their title names. */
function findTitledSpeakers(text: string, options: ClaimantOptions, taken: Mention[]): Mention[] {
  const found: Mention[] = [];
  TITLED_AFTER_CUE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TITLED_AFTER_CUE.exec(text)) !== null) {
    const title = match[1].trim();
    if (!title.split(/\s+/).some((w) => TITLE_WORDS.has(w) || /^(?:Superintendent|Inspector|Director|Commissioner|Spokes(?:man|woman|person)|Officer)$/.test(w))) continue;
    const person = match[2];
    // From the title's first word to the end of the name.
    const span = { start: match.index + match[0].indexOf(match[1]), end: match.index + match[0].length };
    if (overlapsAny(taken, span) || NOT_PERSON.test(person) || countryOf(person)) continue;
    const body = findRuleMentions(`according to ${title} said`, options)[0];
    found.push(body ? { ...body, ...span, person } : { ...span, name: person, kind: ClaimantKind.PERSON, national: false, country: null, unnamed: false, ministry: false, person });
  }
  return found;
}

/** "He said …": the person named last, with their body. */
function findPronouns(text: string, memory: ClaimantMemory, taken: Mention[]): Mention[] {
  const found: Mention[] = [];
  // "The General stated": a title with no name is the person named last, as "he" is.
  const re = /\b(?:(He|She|he|she|[Tt]he\s+(?:General|Colonel|Commander|Governor|Mayor|Minister|Spokes(?:man|woman|person)|Inspector|Superintendent|Director|Chairman|Chairwoman))|(It|it))\s+(?:also\s+|later\s+|further\s+)?(?:said|says|added|told|stated|noted)\b/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const span = { start: match.index, end: match.index + match[0].indexOf(" ") };
    // "it said": the statement or body named last; "he said": the person named last.
    const target = match[1] ? memory.lastPerson : memory.lastMention;
    if (target && !overlapsAny(taken, span)) found.push({ ...target, ...span });
  }
  return found;
}

/** Outlets that relay someone else ("TASS reported, citing the ministry") give way to the source, kept as its `via`. */
function dropRelays(text: string, mentions: Mention[]): Mention[] {
  if (mentions.length < 2) return mentions;
  const kept: Mention[] = [];
  for (const m of mentions) {
    // Outlets, unnamed reports and bare acronyms relay: "media reports citing the health ministry".
    const relayer = m.kind === ClaimantKind.MEDIA || m.unnamed || (m.kind === ClaimantKind.OTHER && ACRONYM.test(m.name));
    const relays = relayer && /^[^.;]{0,30}?\b(?:citing|quoting|referring\s+to)\b/.test(text.slice(m.end));
    if (!relays) kept.push(m);
    else {
      const source = mentions.find((other) => other !== m && other.start >= m.end && other.kind !== ClaimantKind.MEDIA && !other.unnamed);
      if (source) source.via = m.name;
    }
  }
  return kept;
}

/** Whether an organisation's name has words beyond a rule mention inside it, other than country words. */
function saysMore(text: string, organization: Mention, rule: Mention): boolean {
  const outside = `${text.slice(organization.start, Math.max(organization.start, rule.start))} ${text.slice(Math.min(organization.end, rule.end), organization.end)}`;
  return outside
    .split(/[\s(),]+/)
    .filter((w) => w !== "" && !CONNECTORS.has(w.toLowerCase()) && !/^(?:the|The)$/.test(w))
    .some((w) => countryOf(w) === null && !ACRONYM.test(w));
}

/** Claimant mentions of a sentence, in order; back references resolved against the body so far. */
export function findMentionsIn(text: string, options: ClaimantOptions, memory: ClaimantMemory): Mention[] {
  const earlier = [...memory.organizations];
  const appositives = findAppositives(text, options, memory);
  const rules = findRuleMentions(text, options).filter((m) => !overlapsAny(appositives, m));
  const named = [...appositives, ...rules];
  // A named organisation holding a rule's words wins when it says more than the rule
  // ("Hong Kong Police Force" over "Police"), not when it only adds a country
  // ("Kazakh Interior Ministry" stays the national body, with its country).
  const organizations = findOrganizations(text, options, memory, named).filter(
    (o) => !named.some((m) => o.start < m.end && m.start < o.end && !saysMore(text, o, m)),
  );
  const withOrgs = [...named.filter((m) => !organizations.some((o) => o.start <= m.start && m.end <= o.end)), ...organizations];
  const acronyms = findAcronyms(text, memory, withOrgs, options);
  const all = [...withOrgs, ...acronyms];
  const backs = findBackReferences(text, memory, earlier, all);
  const titled = findTitledSpeakers(text, options, [...all, ...backs]);
  const people = [...titled, ...findPersonMentions(text, [...all, ...backs, ...titled], options)];
  const pronouns = findPronouns(text, memory, [...all, ...backs, ...people]);
  const countries = findCountrySpeakers(text, options, [...all, ...backs, ...people, ...pronouns]);
  // "NDMA chairman Zafar Iqbal said": the person speaks for the organisation named just before their role.
  const speakers = [...all, ...backs];
  for (const person of people) {
    if (person.kind !== ClaimantKind.PERSON) continue;
    const body = speakers.find((m) => m.end <= person.start && m.kind !== ClaimantKind.UNATTRIBUTED && /^\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s+$/.test(text.slice(m.end, person.start)) && PERSON_ROLE.test(text.slice(m.end, person.start)));
    if (body) {
      speakers.splice(speakers.indexOf(body), 1);
      Object.assign(person, { ...body, start: body.start, end: person.end, person: person.person });
      const at = all.indexOf(body);
      if (at >= 0) all.splice(at, 1);
    }
  }
  // "the doctors said" after "the Sudanese Doctors Union": the union, not medical staff in general.
  const doctors = earlier.slice().reverse().find((o) => /doctor|medic|physician/i.test(o.name));
  const resolved = all.map((m) => (m.name === "Medical staff" && doctors ? { ...doctors, start: m.start, end: m.end } : m));
  const mentions = dropRelays(text, [...resolved, ...backs, ...people, ...pronouns, ...countries]).sort((a, b) => a.start - b.start);
  const sourced = mentions.filter((m) => m.kind !== ClaimantKind.UNATTRIBUTED);
  if (sourced.length > 0) memory.lastMention = sourced[sourced.length - 1];
  return mentions.map((m) => {
    if (m.name === BACK_REFERENCE) return memory.lastMinistry ? { ...memory.lastMinistry, start: m.start, end: m.end } : { ...m, name: "Government" };
    if (m.ministry) memory.lastMinistry = m;
    if (m.person) {
      // "Qudra said" after "Ashraf al-Qudra": the surname without its particle.
      const surname = (m.person.split(/\s+/).pop() as string).replace(/^(?:al|el|ad|ash|as|an|ibn|bin|abu)-/i, "");
      const known = memory.people.get(surname);
      // "Jasinghe said" after "Director General of Health Services Dr Anil Jasinghe": the same speaker, with their body.
      if (known && known.person !== m.person && m.kind === ClaimantKind.PERSON && m.person.split(/\s+/).length === 1) {
        memory.lastPerson = known;
        return { ...known, start: m.start, end: m.end };
      }
      if (!known || known.kind === ClaimantKind.PERSON) memory.people.set(surname, m);
      memory.lastPerson = m;
    }
    return m;
  });
}

function aliasOf(name: string, aliases: Record<string, string>): string | undefined {
  const key = Object.keys(aliases).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : aliases[key];
}

/** The name to store: user aliases, then national bodies with their country, then CLAIMANT_ALIASES. */
export function resolveClaimantName(detected: string, national: boolean, country: string | null, options: ClaimantOptions = {}): string {
  const user = options.claimantAliases ?? {};
  const direct = aliasOf(detected, user);
  if (direct) return direct;
  const place = country ?? options.countryName ?? null;
  let name: string;
  if (national) name = place ? `${NATIONAL_BODIES[detected] ?? detected} of ${place}` : detected;
  else name = aliasOf(detected, CLAIMANT_ALIASES) ?? detected;
  return aliasOf(name, user) ?? name;
}

/** The claimant to store for a mention: "Body (Person)" when both are known. */
export function claimantOf(mention: Mention, options: ClaimantOptions): { name: string; kind: ClaimantKind } {
  const body = resolveClaimantName(mention.name, mention.national, mention.country, options);
  const name = mention.person && mention.kind !== ClaimantKind.PERSON && mention.person !== mention.name ? `${body} (${mention.person})` : body;
  return { name, kind: mention.kind };
}

const CLAUSE_BREAK = /;|\b(?:while|whereas|but|however|though|although)\b/g;

// The breaks of the sentence last asked about: every figure and mention of a sentence asks, so they are found once.
let breaksOf: { text: string; offsets: number[] } = { text: "", offsets: [] };

function clauseIndex(text: string, offset: number): number {
  if (breaksOf.text !== text) {
    const offsets: number[] = [];
    CLAUSE_BREAK.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = CLAUSE_BREAK.exec(text)) !== null) offsets.push(match.index);
    breaksOf = { text, offsets };
  }
  let index = 0;
  while (index < breaksOf.offsets.length && breaksOf.offsets[index] < offset) index++;
  return index;
}

function distance(m: Mention, fig: Figure): number {
  if (m.end <= fig.start) return fig.start - m.end;
  if (m.start >= fig.end) return m.start - fig.end;
  return 0;
}

/**
 * The claimant in the figure's clause, else the nearest in the sentence —
 * but not across "however" or "but": "17 died, however, a rights group
 * reported twice as many" credits the 17 to no one.
 */
export function chooseMention(text: string, mentions: Mention[], fig: Figure): Mention | null {
  mentions = mentions.filter((m) => !m.introduces || m.end <= fig.start);
  if (mentions.length === 0) return null;
  const clause = clauseIndex(text, fig.start);
  const sameClause = mentions.filter((m) => clauseIndex(text, m.start) === clause);
  // "X said …, but …" hands the figure to no one; inside X's own quotation ("X stated: “…, but I think 300 …”") it stays X's.
  const contrast = (m: Mention) => {
    const between = text.slice(Math.min(m.end, fig.end), Math.max(m.start, fig.start));
    return /\b(?:however|but|though|although|whereas)\b/i.test(between) && !(m.end <= fig.start && /^[^“"]{0,20}[“"]/.test(between));
  };
  const pool = sameClause.length > 0 ? sameClause : mentions.filter((m) => !contrast(m));
  if (pool.length === 0) return null;
  return pool.reduce((best, m) => (distance(m, fig) < distance(best, fig) ? m : best));
}
