// Events from an article body: rule-based, sentence by sentence, pure.
//
// RULES
// Units. The body is split with splitSentences; each sentence may be split
// further into clauses at ";" and ", while"/", whereas". A clause yields at
// most one main event, plus one cause event when it holds a cause clause
// ("..., after the doubling of the price of ..."; "After the arrest of X, ...";
// also "following", "sparked by", "triggered by", "prompted by", "in response
// to", "in protest at/against/over") whose trigger is of another type. Every
// event's quote is the whole sentence, an exact slice of the body.
//
// Not events. A wire dateline ("ALMATY, Jan 6 (Reuters) - ") is masked: its
// date is the filing date. Text inside double quotation marks is someone's words: it is
// masked before matching (so "“Yes, we are preparing for Monday,” he said"
// yields nothing, and a quote opening a sentence skips the sentence). Questions
// are skipped. A clause with no trigger yields nothing. Casualty and detention
// tallies ("several dozen rioters have also been killed", "the number of those
// detained has exceeded 5,000") are figures for the claims extractor, not
// ARREST/VIOLENCE events, unless they carry a date.
//
// Triggers -> EventType (first matching type in this priority order wins; a
// trigger in a "to"/"for" complement, as in "asked the CSTO to deploy troops"
// or "agreed to send troops", loses to the governing verb's trigger):
//   DEPLOYMENT  deploy/deployed; "deployment of"/"deployment began" (not
//               "approved the deployment", an AGREEMENT); sent/send/dispatched
//               troops, peacekeepers...; troops/peacekeepers/forces arrived,
//               landed, entered; withdrew, began withdrawing, pulled out.
//   POLITICAL_REQUEST  turned/appealed to X for assistance/help/support;
//               asked X for/to; requested; sought help; called on; urged.
//   MEETING     will hold / held / hosted / convened a session, summit,
//               meeting, talks, conference; the session will be held / took
//               place; met X / will meet; take part in the ... session.
//   ARREST      detained, arrested, detention of, arrest of, taken into custody.
//   RIOT        crowd violence: protesters/demonstrators/rioters/crowds/mobs
//               attacked, stormed, set fire to, torched, looted, overran,
//               attempted to overrun...; riots/rioting/looting broke out.
//   VIOLENCE    armed or unattributed violence: opened fire, fired on, shot,
//               shelled, bombed, explosion, ambushed, gunmen, clashes, and
//               attacked/stormed/killed with no crowd subject.
//   PROTEST     protests began/spread/swept/erupted/continued; demonstrations,
//               rallies took place; protesters rallied/marched/gathered; took
//               to the streets; staged a rally; they spread to.
//   AGREEMENT   request was granted/approved; a deal/treaty/ceasefire... was
//               signed/reached; agreed, granted, approved; signed/ratified/
//               reached an agreement, deal, treaty, ceasefire... (not "signed
//               autographs").
//               An agreement realised by a deployment in the same sentence
//               ("His request was granted, with the deployment of
//               peacekeepers ... beginning the next day") is one DEPLOYMENT
//               event titled "Request granted; deployment ...".
//   ECONOMIC_CHANGE  doubling/rise/increase/hike of the price(s) of; price/fuel hike;
//               prices doubled/rose; end/removal/lifting of subsidies or price
//               caps; lifted/scrapped the price cap; devaluation.
//   ANNOUNCEMENT  announced, confirmed, declared, unveiled, revealed,
//               "said the date".
//   Undated MEETING mentions ("Putin will take part in the ... session") are
//   the dated meeting of the article: their participants and places are merged
//   into it and they yield no event of their own.
//
// Dates (see dates.ts). The date phrase is looked for in the main clause (then
// in the whole clause), but not in a trailing attribution (", the Kremlin
// announced on Thursday" dates the report, not the event); weekdays resolve to the past unless the clause is in
// the future tense. "The next day" chains on the previous explicitly dated
// event in text order. Undated events:
//   - cause events: the first day of the effect's range, APPROXIMATE;
//   - future tense: publication .. publication + 30 days, RANGE;
//   - otherwise, with P = the nearest explicitly dated past event before it in
//     the text: from P's first day (the day after it when the clause marks a
//     progression: "spread", "then", "quickly", "escalated", "continued"...)
//     to the earliest explicitly dated event starting after that day, at most
//     the publication day, RANGE;
//   - with no such P (the inverted pyramid: a report before its follow-up):
//     the day before the next explicitly dated past event in the text (or
//     publication) .. that day, RANGE.
//
// Places: capitalised names after in/at/near/outside/across/into/throughout,
// "spread/sent/deployed/arrived... to", and "the cities/towns/regions of",
// with lists ("Zhanaozen and Aktau"); not months, weekdays, organisations or
// people. Participants: people named after a title ("Kazakh President
// Kassym-Jomart Tokayev", "Kremlin spokesman Dmitry Peskov"), organisations
// (acronyms, names ending in Council/Ministry/Organization/Committee..., the
// Kremlin, the White House) and countries not used as places; roles: "source"
// inside an attribution (", the Kremlin has confirmed", "according to X"),
// "spokesperson" for spokesmen, "troop contributor" for "from <country>" in a
// deployment, else the agent/other role of the event type (ROLES).
//
// Titles are templates per type filled from the clause (subject, verb in the
// present, object, places): "Protests begin in Zhanaozen and Aktau",
// "President Tokayev asks the CSTO for assistance", "Peacekeepers arrive in
// Almaty to guard the airport"; future tense gives "X to hold ...". A subject
// after a reporting verb ("TASS reported that ...") is the reported actor, and
// whoever reports is a "source". description is null, except for inferred
// dates, where it says how the date was placed.
//
// Confidence: 0.6 (0.5 for a cause event), +0.2 with a date phrase, -0.1 when
// the date is inferred, +0.1 with a named place or participant, -0.1 in the
// future tense (scheduled, may not happen); clamped to 0..1.
//
// Output is sorted by startDate, endDate, then text order (cause first).
import { DatePrecision, EventType } from "../generated/prisma/enums";
import { addDays, findDate, isFutureTense, isoDay, utcDay, type DateRange, type LocatedDate } from "./dates";
import { splitSentences } from "./sentences";
import type { ExtractedEvent, Sentence } from "./types";

// ------------------------------------------------------------------ triggers

interface TriggerRule {
  type: EventType;
  pattern: RegExp;
}

const CROWD = "(protesters|demonstrators|rioters|crowds?|mobs?|youths|looters|militants|armed\\s+groups?)";
const RIOT_VERBS =
  "(attacked|stormed|set\\s+fire\\s+to|set\\s+ablaze|torched|looted|ransacked|overran|seized|smashed|burned|burnt|clashed\\s+with|(?:attempted|tried)\\s+to\\s+(?:overrun|storm|seize))";
const FORCES = "(?:troops|peacekeepers|soldiers|forces|contingents?|paratroopers|units|servicemen|military\\s+personnel)";
const PACTS = "(?:agreement|deal|treaty|accord|ceasefire|truce|memorandum|pact|protocol|declaration)";
const MEETING_NOUNS = "(?:session|summit|meeting|talks|conference|videoconference|video\\s+conference|phone\\s+call)";

// Priority order: the first type with a (non-subordinate) hit is the event.
const TRIGGERS: TriggerRule[] = [
  { type: EventType.DEPLOYMENT, pattern: /\b(?:deploy|deployed|deploying|deploys)\b|\bdeployment\s+(?:of|began|begins|started|has\s+begun)\b/i },
  { type: EventType.DEPLOYMENT, pattern: new RegExp(`\\b(?:sent|send|sends|sending|dispatched|dispatch|flew\\s+in)\\s+(?:\\w+\\s+){0,2}?${FORCES}`, "i") },
  { type: EventType.DEPLOYMENT, pattern: new RegExp(`\\b(${FORCES})\\b[^.;]{0,40}?\\b(arrived|landed|entered|began\\s+arriving|were\\s+(?:sent|dispatched|flown))\\b`, "i") },
  { type: EventType.DEPLOYMENT, pattern: new RegExp(`\\b(${FORCES})\\b[^.;]{0,40}?\\b((?:begin|began|started|start)\\s+(?:withdrawing|to\\s+withdraw|leaving|to\\s+leave)|withdrew|withdraw|withdrawing|pulled\\s+out|left)\\b`, "i") },
  { type: EventType.POLITICAL_REQUEST, pattern: /\b(?:turned|appealed)\s+to\b[^.;]{0,80}?\bfor\s+(?:\w+\s+)?(?:assistance|help|support|aid|troops|intervention)\b/i },
  { type: EventType.POLITICAL_REQUEST, pattern: /\basked\s+(?!by\b)(?:the\s+)?[A-Z][\w-]*[^.;]{0,60}?\b(?:for|to)\b/ },
  { type: EventType.POLITICAL_REQUEST, pattern: /\b(?:requested|sought\s+(?:\w+\s+)?(?:assistance|help|support)|called\s+on|urged|appealed\s+for)\b/i },
  { type: EventType.MEETING, pattern: new RegExp(`\\b(?:will|to|would|shall)\\s+(?:hold|convene|host|attend)\\b[^.;]{0,80}?\\b${MEETING_NOUNS}\\b`, "i") },
  { type: EventType.MEETING, pattern: new RegExp(`\\b(?:held|holds|convened|hosted|attended)\\b[^.;]{0,80}?\\b${MEETING_NOUNS}\\b`, "i") },
  { type: EventType.MEETING, pattern: new RegExp(`\\b${MEETING_NOUNS}\\b[^.;,]{0,40}?\\b(?:will\\s+be\\s+held|is\\s+due|is\\s+set|is\\s+scheduled|took\\s+place|was\\s+held|were\\s+held|will\\s+take\\s+place|is\\s+to\\s+take\\s+place)\\b`, "i") },
  { type: EventType.MEETING, pattern: new RegExp(`\\b(?:take|took|taking|takes)\\s+part\\s+in\\b[^.;]{0,60}?\\b${MEETING_NOUNS}\\b`, "i") },
  { type: EventType.MEETING, pattern: /\b(?:met|meets|meet)\s+(?:with\s+|in\s+|on\s+|at\s+)?(?:[A-Z]|his\s|her\s|their\s)|\b(?:will|to)\s+meet\b/ },
  { type: EventType.ARREST, pattern: /\b(?:detained|arrested|detention\s+of|arrest\s+of|taken\s+into\s+custody|rounded\s+up|apprehended)\b/i },
  { type: EventType.RIOT, pattern: new RegExp(`\\b${CROWD}\\b[^.;]{0,60}?\\b${RIOT_VERBS}\\b`, "i") },
  { type: EventType.RIOT, pattern: /\b(riots?|rioting|looting|pogroms?)\b[^.;]{0,30}?\b(?:broke\s+out|erupted|spread|continued|raged)\b/i },
  { type: EventType.VIOLENCE, pattern: /\b(?:opened\s+fire|fired\s+(?:on|at|into)|shot\s+(?:dead|at)|shelled|bombed|ambushed|clashed|attacked|stormed)\b|(?<!\b(?:been|were|was|be)\s+(?:\w+\s+)?)\bkilled\b/i },
  { type: EventType.VIOLENCE, pattern: /\b(?:shelling|air\s?strikes?|bombing|explosions?|blasts?|gunmen|gunfights?|firefights?|clashes)\b/i },
  { type: EventType.PROTEST, pattern: /\b(protests?|demonstrations?|rallies|unrest|marches|strikes)\s+(?:\w+\s+){0,2}?(?:began|begin|begun|started|broke\s+out|erupted|spread|swept|continued|resumed|flared|escalated|took\s+place|were\s+held)\b/i },
  { type: EventType.PROTEST, pattern: new RegExp(`\\b${CROWD}\\b[^.;]{0,40}?\\b(?:rallied|marched|gathered|protested|demonstrated|took\\s+to\\s+the\\s+streets|blocked|went\\s+on\\s+strike)\\b`, "i") },
  { type: EventType.PROTEST, pattern: /\btook\s+to\s+the\s+streets\b|\b(?:held|staged|organi[sz]ed|joined)\s+(?:an?\s+)?(?:\w+\s+)?(?:rally|rallies|protests?|demonstrations?|strikes?|march|sit-ins?)\b/i },
  { type: EventType.PROTEST, pattern: /\b(?:they|it)\s+(?:quickly\s+|soon\s+|then\s+|rapidly\s+)?spread\s+to\b/i },
  { type: EventType.AGREEMENT, pattern: new RegExp(`\\b(?:request|appeal|application|proposal|${PACTS})\\s+(?:was|were|has\\s+been|had\\s+been)\\s+(?:granted|approved|accepted|signed|ratified|reached|agreed)\\b`, "i") },
  { type: EventType.AGREEMENT, pattern: new RegExp(`\\b(?:agreed|granted|approved)\\b|\\b(?:signed|ratified|endorsed|reached)\\s+(?:\\w+\\s+){0,3}?(?:${PACTS}|compromise)\\b`, "i") },
  { type: EventType.ECONOMIC_CHANGE, pattern: /\b(?:doubling|tripling|rise|rises|increase|increases|hike|hikes|jump|surge|spike)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:prices?|cost|tariffs?|fares?|taxes)\b/i },
  { type: EventType.ECONOMIC_CHANGE, pattern: /\b(?:price|fuel|gas|petrol|tariff|fare|tax)\s+(?:hikes?|rises?|increases?|spikes?)\b/i },
  { type: EventType.ECONOMIC_CHANGE, pattern: /\b(?:prices?|tariffs?|costs?|fares?)\s+(?:\w+\s+){0,5}?(?:doubled|tripled|rose|soared|jumped|increased|surged|spiked|were\s+raised|went\s+up)\b/i },
  { type: EventType.ECONOMIC_CHANGE, pattern: /\b(?:end|removal|lifting|scrapping|abolition|cuts?)\s+(?:of|to|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:subsid(?:y|ies)|price\s+caps?|price\s+controls?)\b/i },
  { type: EventType.ECONOMIC_CHANGE, pattern: /\b(?:lifted|scrapped|removed|ended|abolished|cut|slashed)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:subsid(?:y|ies)|price\s+caps?|price\s+controls?)\b|\b(?:devaluation|devalued)\b/i },
  { type: EventType.ANNOUNCEMENT, pattern: /\b(?:announced|confirmed|declared|unveiled|proclaimed|revealed|made\s+public)\b|\bsaid\s+the\s+(?:date|summit|talks|meeting|session)\b|\b(?:will|to)\s+announce\b/i },
];

const TYPE_ORDER: EventType[] = [
  EventType.DEPLOYMENT,
  EventType.POLITICAL_REQUEST,
  EventType.MEETING,
  EventType.ARREST,
  EventType.RIOT,
  EventType.VIOLENCE,
  EventType.PROTEST,
  EventType.AGREEMENT,
  EventType.ECONOMIC_CHANGE,
  EventType.ANNOUNCEMENT,
];

const TYPE_LABEL: Record<EventType, string> = {
  ECONOMIC_CHANGE: "Economic change",
  PROTEST: "Protests",
  RIOT: "Riots",
  VIOLENCE: "Violence",
  POLITICAL_REQUEST: "Request",
  AGREEMENT: "Agreement",
  DEPLOYMENT: "Deployment",
  ANNOUNCEMENT: "Announcement",
  MEETING: "Meeting",
  ARREST: "Arrest",
  OTHER: "Event",
};

/** [role of the agent, role of anyone else named in the clause]. */
const ROLES: Record<EventType, [string, string]> = {
  ECONOMIC_CHANGE: ["actor", "affected"],
  PROTEST: ["participant", "target"],
  RIOT: ["perpetrator", "target"],
  VIOLENCE: ["perpetrator", "target"],
  POLITICAL_REQUEST: ["requester", "addressee"],
  AGREEMENT: ["party", "party"],
  DEPLOYMENT: ["deploying party", "participant"],
  ANNOUNCEMENT: ["announcer", "mentioned"],
  MEETING: ["participant", "participant"],
  ARREST: ["detaining authority", "detainee"],
  OTHER: ["participant", "participant"],
};

const CAUSE_TRAILING = /,?\s+(?:after|following|sparked\s+by|triggered\s+by|prompted\s+by|in\s+response\s+to|in\s+protest\s+(?:at|against|over))\s+(?=(?:the|a|an|his|her|their|its)\s)/i;
const CAUSE_LEADING = /^(?:After|Following)\s+(?:the|a|an|his|her|their|its)\s+[^,]+,\s*/;
const CLAUSE_BREAK = /;\s+|,\s+(?:while|whereas)\s+/g;
const PROGRESSION = /\b(?:spread|spreading|escalated|then|subsequently|afterwards|soon|quickly|continued|intensified)\b/i;
const TALLY =
  /\b(?:number\s+of|death\s+toll|toll)\b|(?:\d[\d,.]*|dozens?|hundreds|thousands|several|scores)\b[^.;]{0,60}?\b(?:have|has|were|was)\s+(?:also\s+|reportedly\s+|now\s+)?(?:been\s+)?(?:killed|injured|wounded|detained|arrested|died|hurt)\b/i;
const FUTURE_UNDATED_DAYS = 30;

// ------------------------------------------------------------------ model

interface Span {
  start: number;
  end: number;
}

interface Hit {
  /** Index of the rule in TRIGGERS. */
  rule: number;
  type: EventType;
  index: number;
  end: number;
  text: string;
  groups: (string | undefined)[];
  subordinate: boolean;
}

type EntityKind = "person" | "organization" | "country";

interface Entity {
  name: string;
  kind: EntityKind;
  index: number;
  end: number;
  /** For people: the title printed before the name ("President", "Kremlin spokesman"). */
  title: string | null;
}

interface Draft {
  type: EventType;
  title: string;
  /** What an announcement announced, for "it was confirmed" in a later sentence. */
  object: string | null;
  sentence: Sentence;
  /** Text order: sentence index * 10 + clause index (a cause event sorts first). */
  order: number;
  range: DateRange | null;
  dateText: string | null;
  future: boolean;
  progression: boolean;
  causeOf: Draft | null;
  placeNames: string[];
  participants: { name: string; role: string }[];
  description: string | null;
}

interface State {
  publishedAt: Date;
  anchor: DateRange | null;
  drafts: Draft[];
}

// ------------------------------------------------------------------ entry point

/** Events in `body` (an article published at `publishedAt`), in time order. */
export function extractEvents(body: string, publishedAt: Date): ExtractedEvent[] {
  const state: State = { publishedAt, anchor: null, drafts: [] };
  splitSentences(body).forEach((sentence, index) => sentenceEvents(sentence, index, state));
  const drafts = mergeMeetingMentions(state.drafts);
  inferUndatedDates(drafts, utcDay(publishedAt));
  return drafts.sort(byTime).map(toEvent);
}

// ------------------------------------------------------------------ sentences and clauses

// "ALMATY, Jan 6 (Reuters) - ": the filing place and date, not the event's.
const DATELINE = /^[A-Z][A-Z .'-]+(?:,\s*[^-–—()]{0,40})?\s*(?:\([^)]{2,30}\)\s*)?[-–—]+\s*/;

/** Masks text inside double quotation marks, and a wire dateline, with spaces (offsets unchanged). */
export function maskQuotes(text: string): string {
  return text
    .replace(DATELINE, (dateline) => " ".repeat(dateline.length))
    .replace(/“[^”]*”|"[^"]*"/g, (quoted) => " ".repeat(quoted.length));
}

function isSpeechOrQuestion(text: string): boolean {
  return /^["“]/.test(text) || /\?["”’]?$/.test(text);
}

function sentenceEvents(sentence: Sentence, sentenceIndex: number, state: State): void {
  if (isSpeechOrQuestion(sentence.text)) return;
  const masked = maskQuotes(sentence.text);
  clauseSpans(masked).forEach((clause, clauseIndex) => {
    clauseEvents(sentence, masked, clause, sentenceIndex * 10 + clauseIndex * 2 + 1, state);
  });
}

function clauseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** The main part of a clause and its cause clause, if any. */
function splitCause(text: string, clause: Span): { main: Span; cause: Span | null } {
  const slice = text.slice(clause.start, clause.end);
  const leading = CAUSE_LEADING.exec(slice);
  if (leading) {
    return { main: { start: clause.start + leading[0].length, end: clause.end }, cause: { start: clause.start, end: clause.start + leading[0].length } };
  }
  const trailing = CAUSE_TRAILING.exec(slice);
  if (trailing && trailing.index > 0) {
    return { main: { start: clause.start, end: clause.start + trailing.index }, cause: { start: clause.start + trailing.index, end: clause.end } };
  }
  return { main: clause, cause: null };
}

function clauseEvents(sentence: Sentence, masked: string, clause: Span, order: number, state: State): void {
  const { main, cause } = splitCause(masked, clause);
  const hits = triggerHits(masked, main);
  const hit = pickTrigger(hits);
  if (!hit) return;
  const mainText = masked.slice(main.start, main.end);
  const future = isFutureTense(mainText);
  const attribution = hit.type === EventType.ANNOUNCEMENT ? null : attributionSpan(masked, main);
  const dated = attribution && attribution.start > hit.index ? { start: main.start, end: attribution.start } : main;
  const date = dateIn(masked, dated, future, state) ?? (cause ? dateIn(masked, clause, future, state) : null);
  if ((hit.type === EventType.ARREST || hit.type === EventType.VIOLENCE) && !date && TALLY.test(mainText)) return;
  const draft = buildDraft({ sentence, masked, main, hit, hits, date, future, order, state });
  state.drafts.push(draft);
  if (date) state.anchor = draft.range;
  const causeHit = cause ? pickTrigger(triggerHits(masked, cause)) : null;
  if (cause && causeHit && causeHit.type !== hit.type) {
    const causeDate = dateIn(masked, cause, future, state);
    const causeDraft = buildDraft({ sentence, masked, main: cause, hit: causeHit, hits: [causeHit], date: causeDate, future, order: order - 1, state });
    causeDraft.causeOf = draft;
    state.drafts.push(causeDraft);
  }
}

/** The first date phrase in a span, with its offset in the sentence. */
function dateIn(masked: string, span: Span, future: boolean, state: State): LocatedDate | null {
  const found = findDate(masked.slice(span.start, span.end), { publishedAt: state.publishedAt, future, anchor: state.anchor });
  return found ? { ...found, index: found.index + span.start } : null;
}

// ------------------------------------------------------------------ triggers

function triggerHits(text: string, span: Span): Hit[] {
  const slice = text.slice(span.start, span.end);
  const hits: Hit[] = [];
  for (const rule of TRIGGERS) {
    const match = rule.pattern.exec(slice);
    if (!match) continue;
    const index = span.start + match.index;
    const before = text.slice(span.start, index);
    hits.push({
      rule: TRIGGERS.indexOf(rule),
      type: rule.type,
      index,
      end: index + match[0].length,
      text: match[0],
      groups: match.slice(1),
      subordinate: /\b(?:to|for)\s+(?:the\s+)?$/i.test(before),
    });
  }
  return hits;
}

/** Non-subordinate hits first, then type priority, then rule order (verbs before nouns), then text order. */
function pickTrigger(hits: Hit[]): Hit | null {
  const rank = (hit: Hit) => (hit.subordinate ? 100 : 0) + TYPE_ORDER.indexOf(hit.type);
  return [...hits].sort((a, b) => rank(a) - rank(b) || a.rule - b.rule || a.index - b.index)[0] ?? null;
}

// ------------------------------------------------------------------ drafts

interface DraftInput {
  sentence: Sentence;
  masked: string;
  main: Span;
  hit: Hit;
  hits: Hit[];
  date: LocatedDate | null;
  future: boolean;
  order: number;
  state: State;
}

function buildDraft(input: DraftInput): Draft {
  const { sentence, masked, main, hit, date, future, order } = input;
  const text = masked.slice(0, main.end);
  const entities = findEntities(text, main);
  const places = findPlaces(text, main, entities);
  const participants = assignRoles(hit, entities, places, masked, main);
  const previous = [...input.state.drafts].reverse().find((d) => d.type === hit.type && d.object);
  const { title, object } = titleFor({ masked, main, hit, hits: input.hits, date, future, places, entities, previousObject: previous?.object ?? null });
  return {
    type: hit.type,
    title,
    object,
    sentence,
    order,
    range: date ? { startDate: date.startDate, endDate: date.endDate, precision: date.precision } : null,
    dateText: date ? date.dateText : null,
    future,
    progression: PROGRESSION.test(masked.slice(main.start, main.end)),
    causeOf: null,
    placeNames: places,
    participants,
    description: null,
  };
}

/** Undated MEETING mentions join the article's dated meeting. */
function mergeMeetingMentions(drafts: Draft[]): Draft[] {
  const dated = drafts.filter((d) => d.type === EventType.MEETING && d.dateText);
  return drafts.filter((draft) => {
    if (draft.type !== EventType.MEETING || draft.dateText || dated.length === 0) return true;
    const target = [...dated].sort((a, b) => Math.abs(a.order - draft.order) - Math.abs(b.order - draft.order))[0];
    for (const participant of draft.participants) {
      if (!target.participants.some((p) => p.name === participant.name)) target.participants.push(participant);
    }
    for (const place of draft.placeNames) if (!target.placeNames.includes(place)) target.placeNames.push(place);
    return false;
  });
}

// ------------------------------------------------------------------ dating undated events

function inferUndatedDates(drafts: Draft[], today: Date): void {
  const explicit = drafts.filter((d) => d.dateText && d.range).sort((a, b) => a.order - b.order);
  for (const draft of drafts) {
    if (draft.range || draft.causeOf) continue;
    Object.assign(draft, inferFromNeighbours(draft, explicit, today));
  }
  for (const draft of drafts) {
    if (draft.range || !draft.causeOf?.range) continue;
    const first = draft.causeOf.range.startDate;
    draft.range = { startDate: first, endDate: first, precision: DatePrecision.APPROXIMATE };
    draft.description = `Cause of the ${draft.causeOf.type} event named in the same sentence; undated in the text, placed on the first possible day of that event (${isoDay(first)}).`;
  }
}

function inferFromNeighbours(draft: Draft, explicit: Draft[], today: Date): Pick<Draft, "range" | "description"> {
  if (draft.future) {
    return {
      range: { startDate: today, endDate: addDays(today, FUTURE_UNDATED_DAYS), precision: DatePrecision.RANGE },
      description: `Undated and in the future tense: placed in the ${FUTURE_UNDATED_DAYS} days after publication.`,
    };
  }
  const past = explicit.filter((d) => d.range && d.range.startDate <= today);
  const previous = [...past].reverse().find((d) => d.order < draft.order);
  if (previous?.range) {
    const start = addDays(previous.range.startDate, draft.progression ? 1 : 0);
    const later = explicit.map((d) => d.range!.startDate).filter((d) => d > start);
    const bound = later.length > 0 ? new Date(Math.min(today.getTime(), ...later.map((d) => d.getTime()))) : today;
    const end = bound < start ? start : bound;
    return {
      range: { startDate: start, endDate: end, precision: DatePrecision.RANGE },
      description: `Undated in the text: placed ${draft.progression ? "after" : "on or after"} "${previous.dateText}" (${isoDay(previous.range.startDate)}) and by ${isoDay(end)}.`,
    };
  }
  const next = past.find((d) => d.order > draft.order);
  const end = next?.range ? next.range.startDate : today;
  return {
    range: { startDate: addDays(end, -1), endDate: end, precision: DatePrecision.RANGE },
    description: `Undated in the text: reported before ${next ? `"${next.dateText}"` : "publication"} (${isoDay(end)}); placed in the day up to it.`,
  };
}

// ------------------------------------------------------------------ output

function byTime(a: Draft, b: Draft): number {
  return (
    a.range!.startDate.getTime() - b.range!.startDate.getTime() ||
    a.range!.endDate.getTime() - b.range!.endDate.getTime() ||
    a.order - b.order
  );
}

function confidenceOf(draft: Draft): number {
  let score = draft.causeOf ? 0.5 : 0.6;
  score += draft.dateText ? 0.2 : -0.1;
  if (draft.placeNames.length > 0 || draft.participants.length > 0) score += 0.1;
  if (draft.future) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

function toEvent(draft: Draft): ExtractedEvent {
  const range = draft.range!;
  return {
    type: draft.type,
    title: draft.title,
    description: draft.description,
    startDate: range.startDate,
    endDate: range.endDate,
    datePrecision: range.precision,
    dateText: draft.dateText,
    quote: draft.sentence.text,
    quoteStart: draft.sentence.start,
    quoteEnd: draft.sentence.end,
    placeNames: draft.placeNames,
    participants: draft.participants,
    confidence: confidenceOf(draft),
  };
}

// ------------------------------------------------------------------ entities

const NAME_TOKEN = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
const TITLES =
  "(?:(?:Vice\\s+)?President|Prime\\s+Minister|PM|Premier|Chancellor|(?:Foreign|Defen[cs]e|Interior|Finance)\\s+Minister|Minister|[Ss]pokes(?:man|woman|person)|Secretary[- ]General|(?:[Oo]pposition\\s+)?[Ll]eader|King|Queen|Prince|Mayor|Governor|General|Gen\\.|Ambassador|[Ee]nvoy|Senator|[Aa]ctivist|[Jj]ournalist|[Cc]ommander|[Cc]hair(?:man|woman)?|[Cc]hief|[Pp]hotographer)";
const PERSON = new RegExp(`(?:\\b(\\p{Lu}[\\p{L}]+)\\s+)?\\b(${TITLES})\\s+(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,2})`, "gu");
const ORG_SUFFIX = "(?:Council|Ministry|Organi[sz]ation|Committee|Union|Assembly|Parliament|Agency|Commission|Alliance|Court|Bank|Fund|Guard|Police|Army|Office|Service|Party|Front|Movement)";
const ORGANIZATION = new RegExp(
  `\\b((?:(?:[A-Z]{2,6}|\\p{Lu}\\p{Ll}+)\\s+){0,4}${ORG_SUFFIX}(?:\\s+of\\s+(?:the\\s+)?${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3})?)\\b|\\b(Kremlin|White\\s+House|Pentagon|Akorda)\\b|\\b([A-Z]{2,6})\\b`,
  "gu",
);
const NOT_NAMES = new Set([
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "The", "A", "An", "He", "She", "They", "It", "His", "Her", "Their", "Later", "Earlier",
]);
const NOT_ACRONYMS = new Set(["II", "III", "IV", "VI", "TV", "OK", "AM", "PM", "VIDEO"]);
const COUNTRY_ALIASES = ["Turkey", "Britain", "Great Britain", "USA", "US", "U.S.", "UK", "Ivory Coast", "Czech Republic", "Burma", "Russian Federation"];

let countryPattern: RegExp | null = null;

/** Country names from ICU (Intl.DisplayNames) plus common press forms. */
function countryRegex(): RegExp {
  if (countryPattern) return countryPattern;
  const names = new Set(COUNTRY_ALIASES);
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (["EU", "UN", "EZ", "XA", "XB", "ZZ", "QO", "UM"].includes(code)) continue;
      const name = safeRegionName(display, code);
      if (name && name !== code && !/[&()-]|SAR/.test(name)) names.add(name);
    }
  }
  const alternatives = [...names].sort((x, y) => y.length - x.length).map((n) => n.replace(/[.]/g, "\\."));
  countryPattern = new RegExp(`(?<![\\p{L}])(?:${alternatives.join("|")})(?![\\p{L}])`, "gu");
  return countryPattern;
}

function safeRegionName(display: Intl.DisplayNames, code: string): string | undefined {
  try {
    return display.of(code);
  } catch {
    return undefined;
  }
}

function findPeople(text: string, span: Span): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(PERSON)) {
    const tokens = m[3].split(/\s+/);
    const cut = tokens.findIndex((t) => NOT_NAMES.has(t));
    const name = (cut >= 0 ? tokens.slice(0, cut) : tokens).join(" ");
    if (!name) continue;
    const index = m.index + m[0].length - m[3].length;
    if (index < span.start || index >= span.end) continue;
    const prefix = m[1] && !NOT_NAMES.has(m[1]) ? `${m[1]} ` : "";
    found.push({ name, kind: "person", index, end: index + name.length, title: `${prefix}${m[2]}` });
  }
  return found;
}

function findOrganizations(text: string, span: Span): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(ORGANIZATION)) {
    let name = (m[1] ?? m[2] ?? m[3]).replace(/^(?:The|A|An|Leaders|Officials)\s+/, "");
    if (m[3] && (NOT_ACRONYMS.has(m[3]) || COUNTRY_ALIASES.includes(m[3]))) continue;
    const index = m.index + m[0].length - name.length;
    if (index < span.start || index >= span.end) continue;
    if (m[3] && /\(\s*$/.test(text.slice(0, index)) && found.length > 0) continue; // "(CSTO)" after its full name
    name = name.replace(/\s+/g, " ");
    found.push({ name, kind: "organization", index, end: index + name.length, title: null });
  }
  return found;
}

function findCountries(text: string, span: Span): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(countryRegex())) {
    if (m.index < span.start || m.index >= span.end) continue;
    found.push({ name: m[0], kind: "country", index: m.index, end: m.index + m[0].length, title: null });
  }
  return found;
}

/** People, organisations and countries in the span; a name inside a longer one is dropped. */
function findEntities(text: string, span: Span): Entity[] {
  const all = [...findPeople(text, span), ...findOrganizations(text, span), ...findCountries(text, span)];
  const kept: Entity[] = [];
  for (const entity of [...all].sort((a, b) => b.end - b.index - (a.end - a.index))) {
    if (kept.some((k) => entity.index < k.end && k.index < entity.end)) continue;
    kept.push(entity);
  }
  return kept.sort((a, b) => a.index - b.index);
}

// ------------------------------------------------------------------ places

const PLACE_NAME = `\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,3}`;
const PLACE = new RegExp(
  `(?:\\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]cross|[Ii]nto|[Tt]hroughout)|\\b(?:spread|sent|send|deployed|deploy|dispatched|flown|flew|moved|marched|travell?ed|headed|arrived|returned)\\s+(?:\\w+\\s+){0,3}?to)\\s+(?:the\\s+(?:cities|city|towns?|regions?|provinces?|villages?|capital|port|oblasts?|streets)\\s+of\\s+)?(${PLACE_NAME}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)${PLACE_NAME})*)`,
  "gu",
);

function isPlaceName(name: string, entities: Entity[], index: number): boolean {
  if (NOT_NAMES.has(name.split(" ")[0])) return false;
  if (/^[A-Z]{2,6}$/.test(name) && !COUNTRY_ALIASES.includes(name)) return false;
  if (new RegExp(`\\b${ORG_SUFFIX}\\b|\\b(?:Kremlin|White House|Pentagon)\\b`).test(name)) return false;
  if (new RegExp(`^${TITLES}\\b`).test(name)) return false;
  return !entities.some((e) => e.kind !== "country" && index < e.end && e.index < index + name.length);
}

/** Place names after in/at/... ("in the cities of Zhanaozen and Aktau"), as written. */
function findPlaces(text: string, span: Span, entities: Entity[]): string[] {
  const places: string[] = [];
  for (const m of text.matchAll(PLACE)) {
    const listStart = m.index + m[0].length - m[1].length;
    if (listStart < span.start || listStart >= span.end) continue;
    let offset = listStart;
    for (const part of m[1].split(/(\s*,\s*(?:and\s+)?|\s+and\s+)/)) {
      const name = part.replace(/['’]s$/, "");
      if (!/^\s*(?:,|and\b)/.test(part) && isPlaceName(name, entities, offset) && !places.includes(name)) places.push(name);
      offset += part.length;
    }
  }
  return places;
}

// ------------------------------------------------------------------ roles

function attributionSpan(text: string, main: Span): Span | null {
  const slice = text.slice(main.start, main.end);
  const trailing = /,\s*(?:the\s+)?[^,]{0,60}?\b(?:(?:has|have|had)\s+)?(?:confirmed|said|announced|reported|told\s+\w+)(?:\s+[^,;]{0,30})?\.?\s*$/.exec(slice);
  const according = /,?\s*according\s+to\s+[^,.;]+/i.exec(slice);
  const match = trailing ?? according;
  return match ? { start: main.start + match.index, end: main.start + match.index + match[0].length } : null;
}

function isPassive(text: string, hit: Hit): boolean {
  return /\b(?:was|were|been|being|is|are)\s+(?:(?:\w+ly|first|also|then|later)\s+)?$/.test(text.slice(0, hit.index));
}

function assignRoles(hit: Hit, entities: Entity[], places: string[], text: string, main: Span): { name: string; role: string }[] {
  const attribution = attributionSpan(text, main);
  const inAttribution = (e: Entity) => attribution !== null && e.index >= attribution.start && !(hit.index >= attribution.start);
  const byMatch = /\bby\s+([^,;]*)/.exec(text.slice(hit.end, main.end));
  const byPhrase: Span | null = byMatch ? { start: hit.end + byMatch.index, end: hit.end + byMatch.index + byMatch[0].length } : null;
  const passive = isPassive(text, hit);
  const reported = /\b(?:said|says|stated|reported|claimed|told\s+\w+)\s+(?:that\s+)?/.exec(text.slice(main.start, hit.index));
  const reportIndex = reported ? main.start + reported.index : -1;
  const participants: { name: string; role: string }[] = [];
  for (const entity of entities) {
    if (entity.kind === "country" && places.includes(entity.name)) continue;
    if (participants.some((p) => p.name === entity.name)) continue;
    participants.push({ name: entity.name, role: roleOf(hit, entity, text, { inAttribution: inAttribution(entity) || entity.index < reportIndex, passive, byPhrase }) });
  }
  return participants;
}

function roleOf(hit: Hit, entity: Entity, text: string, where: { inAttribution: boolean; passive: boolean; byPhrase: Span | null }): string {
  if (where.inAttribution) return "source";
  if (entity.kind === "person" && /spokes/i.test(entity.title ?? "")) return "spokesperson";
  if (hit.type === EventType.DEPLOYMENT && entity.kind === "country" && /\bfrom\s+$/.test(text.slice(0, entity.index))) return "troop contributor";
  if (hit.type === EventType.MEETING && entity.kind === "organization") return "convening body";
  const agent = where.passive ? where.byPhrase !== null && entity.index >= where.byPhrase.start && entity.index < where.byPhrase.end : entity.index < hit.index;
  const [agentRole, otherRole] = ROLES[hit.type];
  return agent ? agentRole : otherRole;
}

// ------------------------------------------------------------------ titles

interface TitleInput {
  masked: string;
  main: Span;
  hit: Hit;
  hits: Hit[];
  date: LocatedDate | null;
  future: boolean;
  places: string[];
  entities: Entity[];
  previousObject: string | null;
}

const VERB_BASE: Record<string, string> = {
  attacked: "attack", stormed: "storm", torched: "torch", looted: "loot", ransacked: "ransack", overran: "overrun",
  seized: "seize", smashed: "smash", burned: "burn", burnt: "burn", clashed: "clash", "set fire": "set fire", "set ablaze": "set ablaze",
  "opened fire": "open fire", fired: "fire", shot: "shoot", shelled: "shell", bombed: "bomb", ambushed: "ambush", killed: "kill",
  detained: "detain", arrested: "arrest", apprehended: "apprehend", agreed: "agree", approved: "approve", signed: "sign",
  granted: "grant", endorsed: "endorse", ratified: "ratify", reached: "reach", announced: "announce", confirmed: "confirm",
  declared: "declare", unveiled: "unveil", proclaimed: "proclaim", revealed: "reveal", requested: "request", urged: "urge",
  called: "call", asked: "ask", deployed: "deploy", sent: "send", dispatched: "dispatch", arrived: "arrive", held: "hold",
  hosted: "host", convened: "convene", attended: "attend", met: "meet", lifted: "lift", scrapped: "scrap", removed: "remove",
  ended: "end", abolished: "abolish", cut: "cut", slashed: "slash", raised: "raise", devalued: "devalue", doubled: "double",
  rose: "rise", landed: "land", entered: "enter", withdrew: "withdraw", soared: "soar", jumped: "jump", increased: "increase", rallied: "rally", marched: "march", gathered: "gather",
  protested: "protest", demonstrated: "demonstrate", blocked: "block", began: "begin", spread: "spread", erupted: "erupt",
};

const BASE_VERBS = new Set(Object.values(VERB_BASE).map((v) => v.split(" ")[0]));

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+\s+[A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function isPlural(subject: string): boolean {
  const head = subject.trim().split(/\s+(?:of|from|in|at|on|with)\s+/)[0];
  const last = head.split(/\s+/).pop() ?? "";
  return /(?<!s)s$|(?:men|people|police|personnel|children|they)$/i.test(last) && !/^[A-Z]{2,}$/.test(last);
}

/** Present tense of a past-tense verb phrase, agreeing with the subject. */
function present(verbPhrase: string, subject: string): string {
  const [verb, ...rest] = verbPhrase.toLowerCase().split(/\s+/);
  const twoWords = VERB_BASE[`${verb} ${rest[0] ?? ""}`];
  const base = twoWords ?? VERB_BASE[verb] ?? verb;
  const tail = twoWords ? rest.slice(1) : rest;
  const [head, ...others] = base.split(" ");
  const inflected = isPlural(subject) ? head : /(?:s|sh|ch|x)$/.test(head) ? `${head}es` : /[^aeiou]y$/.test(head) ? `${head.slice(0, -1)}ies` : `${head}s`;
  return [inflected, ...others, ...tail].join(" ");
}

const PHRASE_STOP = /[,;:.(“"]|\s(?:which|who|whose|where|as|while|when|after|before|because|beginning|starting|amid|according)\b/;

// Where a place list starts: titles append the places themselves.
const PLACE_STOP = /\s(?:in|at|near|outside|across|into)\s+(?:the\s+(?:cities|city|towns?|regions?|provinces?|villages?|capital)\s+of\s+)?\p{Lu}/u;

/** Words from `from` up to a stop (punctuation, a subordinate word, the date phrase, `stops`), at most `maxWords`. */
function phraseAfter(input: TitleInput, from: number, maxWords: number, ...stops: RegExp[]): string {
  const end = input.date && input.date.index >= from ? Math.min(input.main.end, input.date.index) : input.main.end;
  let slice = input.masked.slice(from, end);
  for (const stop of [PHRASE_STOP, ...stops]) {
    const found = stop.exec(slice);
    if (found) slice = slice.slice(0, found.index);
  }
  const words = slice.trim().split(/\s+/).filter(Boolean).slice(0, maxWords);
  while (words.length > 0 && /^(?:on|in|at|for|of|with|to|by|the|a|an|and|or|over|from)$/i.test(words[words.length - 1])) words.pop();
  return words.join(" ");
}

/** The subject before `index`: the last comma segment that is not a relative or adverbial clause. */
function subjectBefore(input: TitleInput, index: number): string {
  const before = input.masked.slice(input.main.start, index);
  const segments = before.split(/[,;]/).map((s) => s.trim()).filter(Boolean).reverse();
  const segment = segments.find((s) => !/^(?:which|who|whose|where|often|apparently|reportedly|allegedly|according)\b/i.test(s) && !isDateOnly(s)) ?? "";
  const cleaned = segment
    .replace(REPORTED, "")
    .replace(/^(?:as|and|but|while|when|then|the|meanwhile)\s+/i, "")
    .replace(/\s+(?:will|would|has|have|had|was|were|is|are|also|quickly|reportedly|first|later|then|to)(?:\s+\w+ly)?$/i, "")
    .replace(/\s+(?:will|would|has|have|had|was|were|is|are)$/i, "")
    .trim();
  return shortenSubject(cleaned, input.entities.filter((e) => e.index < index));
}

// "X said (that) ...": what follows is the reported event; X is its source.
const REPORTED = /^.*\b(?:said|says|stated|reported|claimed|added|noted|told\s+\w+)\s+(?:that\s+)?/i;

function isDateOnly(segment: string): boolean {
  return /^(?:later|earlier|late|early)?\s*(?:on|in|since|by)?\s*(?:\w+day|\d.*|the\s+next\s+day)$/i.test(segment);
}

/** A long subject phrase is replaced by the entity it names ("CSTO Security Council leaders"). */
function shortenSubject(subject: string, entities: Entity[]): string {
  if (subject.split(/\s+/).length <= 6) return subject;
  const entity = entities.find((e) => subject.includes(e.name));
  if (!entity) return subject.split(/\s+/).slice(0, 6).join(" ");
  return /^(?:leaders|heads|officials|ministers|representatives|delegates)\b/i.test(subject) ? `${entity.name} leaders` : entity.name;
}

/** "President Tokayev" for a person with a rank, else the name. */
function displayName(entity: Entity): string {
  if (entity.kind !== "person" || !entity.title) return entity.kind === "organization" && /^[A-Z]{2,6}$/.test(entity.name) ? `the ${entity.name}` : entity.name;
  const rank = /(?:Vice\s+)?President|Prime\s+Minister|PM|Premier|Chancellor|Minister|Secretary[- ]General|King|Queen|Mayor|Governor|General/.exec(entity.title);
  const surname = entity.name.split(/\s+/).pop() ?? entity.name;
  return rank ? `${rank[0]} ${surname}` : `${entity.title} ${entity.name}`;
}

/** Who acts: a titled person in the subject ("President Tokayev"), else the subject phrase, else the nearest entity. */
function agentOf(input: TitleInput, index: number): string {
  const subject = subjectBefore(input, index);
  const before = input.entities.filter((e) => e.index < index);
  const person = before.find((e) => e.kind === "person" && subject.includes(e.name));
  if (person) return capitalise(displayName(person));
  if (subject) return capitalise(subject);
  const entity = [...before].reverse().find((e) => e.kind !== "country");
  return entity ? capitalise(displayName(entity)) : "";
}

function withPlaces(title: string, places: string[]): string {
  if (places.length === 0 || places.some((p) => title.includes(p))) return title;
  return `${title} in ${listOf(places)}`;
}

function titleFor(input: TitleInput): { title: string; object: string | null } {
  const build = TITLE_BUILDERS[input.hit.type];
  const built = build ? build(input) : null;
  const title = built?.title?.trim() || withPlaces(TYPE_LABEL[input.hit.type], input.places);
  return { title: title.replace(/\s+/g, " "), object: built?.object ?? null };
}

type TitleBuilder = (input: TitleInput) => { title: string; object?: string | null } | null;

const TITLE_BUILDERS: Partial<Record<EventType, TitleBuilder>> = {
  PROTEST: protestTitle,
  RIOT: riotTitle,
  VIOLENCE: svoTitle,
  POLITICAL_REQUEST: requestTitle,
  AGREEMENT: agreementTitle,
  DEPLOYMENT: deploymentTitle,
  ANNOUNCEMENT: announcementTitle,
  MEETING: meetingTitle,
  ARREST: arrestTitle,
  ECONOMIC_CHANGE: economicTitle,
};

function protestTitle(input: TitleInput): { title: string } {
  const text = input.hit.text.toLowerCase();
  const noun = /^(protests?|demonstrations?|rallies|unrest|marches|strikes)\b/.exec(text)?.[1];
  const crowd = new RegExp(`^${CROWD}`, "i").exec(text)?.[1];
  if (/took\s+to\s+the\s+streets/.test(text)) return { title: withPlaces("Protesters take to the streets", input.places) };
  if (/spread\s+to$/.test(text) || (/spread/.test(text) && !input.places.length)) {
    const where = phraseAfter(input, input.hit.end, 5).replace(/^to\s+/, "");
    return { title: `${capitalise(noun ?? "protests")} spread to ${where || listOf(input.places)}` };
  }
  const verb = /(began|begin|begun|started|broke out|erupted)/.test(text) ? "begin" : /swept/.test(text) ? "sweep" : /continued|resumed/.test(text) ? "continue" : /escalated|flared/.test(text) ? "escalate" : null;
  if (noun && verb) {
    const where = input.places.length ? "" : phraseAfter(input, input.hit.end, 4, PLACE_STOP);
    return { title: withPlaces(`${capitalise(noun)} ${verb}${/^(?:across|through|throughout|in|to)\b/.test(where) ? ` ${where}` : ""}`, input.places) };
  }
  if (crowd) {
    const act = /(rallied|marched|gathered|protested|demonstrated|blocked)/.exec(text)?.[1];
    return { title: withPlaces(`${capitalise(crowd)} ${act ? present(act, crowd) : "take to the streets"}`, input.places) };
  }
  return { title: withPlaces(capitalise(noun ?? "protests"), input.places) };
}

function riotTitle(input: TitleInput): { title: string } {
  const [crowd, verb] = input.hit.groups;
  let title: string;
  if (crowd && verb) {
    const object = phraseAfter(input, input.hit.end, 5, /\s(?:and|but)\s/, PLACE_STOP);
    title = `${capitalise(crowd.toLowerCase())} ${present(verb.replace(/\s+(?:to)$/, ""), crowd)}${/to$/.test(verb) ? " to" : ""} ${object}`;
  } else {
    title = `${capitalise((crowd ?? "riots").toLowerCase())} break out`;
  }
  const spread = input.hits.find((h) => h.type === EventType.PROTEST && /spread/i.test(h.text));
  if (spread) {
    const where = phraseAfter(input, spread.end, 4).replace(/^to\s+/, "");
    title = `Protests spread${where ? ` to ${where}` : ""}; ${lowerFirst(title)}`;
  }
  return { title: withPlaces(title, input.places) };
}

/** Subject, verb in the present, object: "Police detain dozens of protesters in Almaty". */
function svoTitle(input: TitleInput): { title: string } {
  const words = input.hit.text.toLowerCase().split(/\s+/);
  const isVerb = VERB_BASE[`${words[0]} ${words[1] ?? ""}`] !== undefined || VERB_BASE[words[0]] !== undefined || BASE_VERBS.has(words[0]);
  if (!isVerb) {
    return { title: withPlaces(capitalise(phraseAfter(input, input.hit.index, 7, PLACE_STOP)), input.places) };
  }
  const subject = agentOf(input, input.hit.index) || "Unidentified attackers";
  const object = phraseAfter(input, input.hit.end, 6, PLACE_STOP);
  const modal = /\b(?:will|would|shall|to)\s+$/.test(input.masked.slice(input.main.start, input.hit.index));
  const verb = modal ? `to ${input.hit.text.toLowerCase()}` : present(input.hit.text, subject);
  return { title: withPlaces(`${subject} ${verb} ${object}`, input.places) };
}

function requestTitle(input: TitleInput): { title: string } {
  const agent = agentOf(input, input.hit.index) || "Officials";
  const text = input.hit.text;
  const turned = /^(?:turned|appealed)\s+to\s+(.+?)\s+for\s+(.+)$/i.exec(text);
  if (turned) {
    const what = phraseAfter(input, input.hit.index + text.length - turned[2].length, 4);
    return { title: `${agent} ${present("asked", agent)} ${turned[1]} for ${what}` };
  }
  const asked = /^asked\s+(.+?)\s+(for|to)$/i.exec(text);
  if (asked) {
    return { title: `${agent} ${present("asked", agent)} ${asked[1]} ${asked[2]} ${phraseAfter(input, input.hit.end, 5)}` };
  }
  return { title: `${agent} ${present(text, agent)} ${phraseAfter(input, input.hit.end, 6)}` };
}

function agreementTitle(input: TitleInput): { title: string } {
  const granted = /^(\w+)\s+(?:was|were|has\s+been|had\s+been)\s+(\w+)$/i.exec(input.hit.text);
  if (granted) {
    const title = `${capitalise(granted[1].toLowerCase())} ${granted[2].toLowerCase()}`;
    return { title: /^(?:request|appeal|application|proposal)$/i.test(granted[1]) ? title : withPlaces(title, input.places) };
  }
  if (isPassive(input.masked, input.hit)) {
    const subject = subjectBefore(input, input.hit.index).replace(/\s+(?:was|were|has been|have been)$/i, "");
    return { title: withPlaces(`${capitalise(subject.replace(/^(?:his|her|their|its|the|a|an)\s+/i, ""))} ${input.hit.text.toLowerCase()}`, input.places) };
  }
  return svoTitle(input);
}

function deploymentTitle(input: TitleInput): { title: string } {
  const main = input.masked.slice(input.main.start, input.main.end);
  const agreement = input.hits.find((h) => h.type === EventType.AGREEMENT && h.index < input.hit.index);
  const prefix = agreement ? `${agreementTitle({ ...input, hit: agreement }).title}; ` : "";
  let title: string;
  if (/^deployment\b/i.test(input.hit.text)) {
    const what = /of$/i.test(input.hit.text) ? phraseAfter(input, input.hit.end, 9) : "";
    const begins = /\b(?:beginning|began|begins|started|starting|begun)\b/i.test(main);
    title = `Deployment${what ? ` of ${what}` : ""}${begins ? " begins" : ""}`;
  } else if (/arrived|landed|entered/i.test(input.hit.text)) {
    const force = capitalise((input.hit.groups[0] ?? "troops").toLowerCase());
    const verb = /(arrived|landed|entered|began arriving|withdrew|pulled out)/i.exec(input.hit.text)?.[1] ?? "arrived";
    const purpose = /\bto\s+(guard|protect|secure|help|support|restore|assist|patrol)\s+(?:the\s+)?(\w+)/i.exec(main);
    const where = input.places.length ? ` in ${listOf(input.places)}` : "";
    title = `${force} ${present(verb, force)}${where}${purpose ? ` to ${purpose[1]} the ${purpose[2]}` : ""}`;
  } else {
    title = svoTitle(input).title;
  }
  return { title: prefix ? `${prefix}${lowerFirst(title)}` : withPlaces(title, input.places) };
}

function announcementTitle(input: TitleInput): { title: string; object: string | null } {
  const verb = (/^[a-z]+/i.exec(input.hit.text)?.[0] ?? "announced").toLowerCase();
  const text = input.masked;
  if (isPassive(text, input.hit)) {
    const by = /^\s*(?:\w+\s+)?by\s+/.exec(text.slice(input.hit.end, input.main.end));
    const agent = by ? capitalise(phraseAfter(input, input.hit.end + by[0].length, 8)) : "";
    const subject = passiveSubject(input);
    const object = /^(?:it|this|that|they)$/i.test(subject) ? input.previousObject : subject;
    const title = `${agent || "Officials"} ${present(verb, agent || "officials")}${object ? ` ${lowerFirst(object)}` : ""}`;
    return { title, object: object || null };
  }
  const agent = agentOf(input, input.hit.index);
  const after = phraseAfter(input, input.hit.end, 8).replace(/^that\s+/i, "");
  const object = after || subjectBefore(input, input.hit.index - (agent.length + 1)) || null;
  return { title: `${agent || "Officials"} ${present(verb, agent || "officials")}${object ? ` ${lowerFirst(object)}` : ""}`, object };
}

/** The subject of a passive clause, cut at its first modifier ("The date of the online talks"). */
function passiveSubject(input: TitleInput): string {
  const before = input.masked.slice(input.main.start, input.hit.index);
  const segment = before.split(/,/).map((s) => s.trim()).find((s) => s && !isDateOnly(s)) ?? "";
  const clause = segment.replace(/\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)(?:\s+\w+)?\s*$/i, "").replace(/\s+(?:was|were|been|is|are)$/i, "");
  const cut = /\s(?:between|among|with|from|that|which|who)\s/.exec(clause);
  const words = (cut ? clause.slice(0, cut.index) : clause).split(/\s+/).slice(0, 6);
  return words.join(" ");
}

function meetingTitle(input: TitleInput): { title: string } {
  const text = input.hit.text;
  const subject = agentOf(input, input.hit.index) || "Leaders";
  const hold = /^(?:(will|to|would|shall)\s+)?(hold|convene|host|attend|held|holds|convened|hosted|attended)\b/i.exec(text);
  if (hold) {
    const np = phraseAfter(input, input.hit.index + hold[0].length, 10);
    const verb = hold[1] || input.future ? `to ${VERB_BASE[hold[2].toLowerCase()] ?? hold[2].toLowerCase()}` : present(hold[2], subject);
    return { title: `${subject} ${verb} ${np}` };
  }
  const part = /^(?:take|took|taking|takes)\s+part\s+in\b/i.exec(text);
  if (part) {
    const np = phraseAfter(input, input.hit.index + part[0].length, 8);
    return { title: `${subject} ${input.future ? "to take" : present("take", subject)} part in ${np}` };
  }
  const meet = /^(?:(?:will|to)\s+)?(?:met|meets|meet)\b/i.exec(text);
  if (meet) {
    const whom = phraseAfter(input, input.hit.index + meet[0].length, 6, PLACE_STOP);
    return { title: withPlaces(`${subject} ${input.future ? "to meet" : present("met", subject)}${whom ? ` ${whom}` : ""}`, input.places) };
  }
  const noun = phraseAfter(input, input.hit.index, 8).replace(/\s+(?:will|is|took|was|were).*$/i, "");
  return { title: withPlaces(`${capitalise(noun)} ${input.future ? "to be held" : "held"}`, input.places) };
}

function arrestTitle(input: TitleInput): { title: string } {
  const text = input.hit.text.toLowerCase();
  if (/^(?:arrest|detention)\s+of$/.test(text)) {
    return { title: withPlaces(`${capitalise(text)} ${phraseAfter(input, input.hit.end, 6)}`, input.places) };
  }
  if (isPassive(input.masked, input.hit)) {
    const subject = subjectBefore(input, input.hit.index).replace(/\s+(?:was|were|has been|have been)$/i, "");
    return { title: withPlaces(`${capitalise(subject)} ${text}`, input.places) };
  }
  return svoTitle(input);
}

function economicTitle(input: TitleInput): { title: string } {
  const first = input.hit.text.toLowerCase().split(/\s+/)[0];
  if (VERB_BASE[first] !== undefined || /^(?:prices?|tariffs?|costs?|fares?)$/.test(first)) return svoTitle(input);
  return { title: capitalise(phraseAfter(input, input.hit.index, 10)) };
}
