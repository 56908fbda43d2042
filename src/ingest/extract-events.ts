// Events from an article body: rule-based, sentence by sentence, pure. An
// event says only what its sentence supports.
//
// RULES
// Units. The body is split with splitSentences; each sentence may be split
// further into clauses at ";" and ", while"/", whereas". A clause yields at
// most one main event, plus one cause event when it holds a cause clause
// ("..., after the doubling of the price of ..."; "after she was detained";
// "After the arrest of X, ..."; also "following", "sparked by", "triggered
// by", "prompted by", "in response to", "in protest at/against/over") whose
// trigger is of another type (a main clause with a date but no trigger still
// dates its cause: "X was pronounced dead on 16 September after she was
// detained"). When the best-ranked trigger makes no event (a tally, an undated
// phrase), the next one stands in. Every event's quote is the whole sentence,
// an exact slice of the body.
//
// Not events. A wire dateline ("ALMATY, Jan 6 (Reuters) - ", "5th August 2019
// – ", "(Guayaquil) ") is masked: its date is the filing date. Text inside
// double quotation marks is someone's words: it is masked before matching (so
// "“Yes, we are preparing for Monday,” he said" yields nothing, and a quote
// opening a sentence skips the sentence). Questions are skipped. A clause with
// no trigger yields nothing. A trigger does not count when it is negated ("did
// not deploy"), speculative ("may have killed", "could spread"), an adjective
// ("the detained leader", "those detained"), a reduced relative without an
// object ("people detained in the unrest", "420 protesters arrested since
// June"), or a subjectless passive gerund ("after being detained"). Casualty
// and detention tallies ("several dozen rioters have also been killed",
// "security forces have killed 564 protesters", "the number of those detained
// has exceeded 5,000") are figures for the claims extractor, not ARREST /
// VIOLENCE events, unless they carry a date of their own; so are announcements
// whose content is such a figure ("Iran confirmed that 50 ... were killed").
//
// Triggers -> EventType (first matching type in this priority order wins; a
// trigger in a "to"/"for" complement, as in "asked the CSTO to deploy troops"
// or "agreed to send troops", loses to the governing verb's trigger):
//   DEPLOYMENT  deploy/deployed; "the deployment of ... beginning/began";
//               sent/send/dispatched troops, peacekeepers...; troops/
//               peacekeepers/forces arrived, landed, entered; withdrew, began
//               withdrawing, pulled out.
//   POLITICAL_REQUEST  turned/appealed to X for assistance; appealed to;
//               asked X for/to; asked for; requested; sought help; called on/
//               for; urged.
//   MEETING     will hold / held / hosted / convened / attended a session,
//               summit, meeting, talks, conference; "the summit, held in";
//               the session will be held / took place / brought together; met
//               X / will meet; took part / participated in the ... session.
//   ARREST      detained, arrested, apprehended, taken into custody, rounded
//               up, detention of, arrest of.
//   RIOT        crowd violence: protesters/demonstrators/rioters/crowds/mobs
//               attacked, stormed, set fire to, torched, looted, overran,
//               attempted to overrun...; riots/rioting/looting broke out;
//               protests turned violent / descended into violence.
//   VIOLENCE    armed or unattributed violence: opened fire, fired on, shot,
//               gunned down, shelled, bombed, ambushed, raided, assassinated,
//               kidnapped, attacked/stormed/killed with no crowd subject,
//               launched an attack, an assassination attempt; and nouns of
//               violence (clashes, fighting, battle, shelling, explosion, air
//               strikes, attacks...) only as the subject of an eventive verb
//               ("clashes erupted", "an explosion rocked", "the attack
//               killed") — not as an object ("helped calm the violence") — or
//               in a prepositional phrase with a date of its own ("died in
//               clashes on Friday").
//   PROTEST     protests began/spread/swept/erupted/continued; demonstrations,
//               rallies took place; protesters rallied/marched/gathered/
//               blocked; took to the streets; staged a rally; they spread to.
//   AGREEMENT   request was granted/approved; a deal/treaty/ceasefire... was
//               signed/reached; agreed, granted, approved; signed/ratified/
//               reached an agreement, deal, treaty, ceasefire...
//   ECONOMIC_CHANGE  doubling/rise/increase/hike of the price(s) of; price/fuel
//               hike; prices doubled/rose; end/removal/lifting of subsidies or
//               price caps; lifted/scrapped the price cap; devaluation.
//   ANNOUNCEMENT  announced, confirmed, declared, unveiled, revealed, "said the
//               date"; imposed/introduced/lifted/extended a curfew, a state of
//               emergency, martial law; a stated plan ("plans to", "vowed to",
//               "decided to").
//   Plans. A trigger governed by a plan or prediction ("will withdraw",
//   "would send", "plans to deploy", "is expected to", "is set to", "vowed
//   to", "announced it would") did not happen: the event is an ANNOUNCEMENT
//   (of that plan), dated to the announcement — the date of the attribution or
//   reporting verb ("the Kremlin announced on Thursday", "On Monday, Russia
//   said it would ..."), else the publication day, APPROXIMATE. The planned
//   date goes into the description. The one exception is a scheduled MEETING
//   with a date in the text ("will hold a summit on Monday"): a fixture on the
//   calendar, kept as a MEETING on that day (confidence lowered). Undated
//   MEETING mentions ("Putin will take part in the ... session") are the dated
//   meeting of the article: their participants and places are merged into it
//   and they yield no event of their own; an undated planned meeting with no
//   dated one to join is an ANNOUNCEMENT.
//
// Dates (see dates.ts), "dated only as far as the text supports":
//   - date phrases are resolved in the tense of their clause (past: a day
//     without a year never lies after publication);
//   - a date in a trailing attribution (", the Kremlin announced on
//     Thursday") or after a reporting verb ("Kazakhstan said Saturday ...",
//     "police said on Monday that ...") dates the report, not the event: the
//     event lies on or before that day;
//   - "until/till/through/by <date>" bounds a state, it does not date the
//     event; a possessive date ("last week's unrest", "Thursday's clashes")
//     dates the noun it qualifies, so it dates the event only when that noun
//     is the trigger's; a date after the trigger inside a subordinate clause
//     ("... since the junta staged a coup in February") is that clause's;
//   - a date before the trigger with "where" between belongs to the earlier
//     clause ("the unrest that broke out a week ago ..., where riots
//     erupted"): the event is not before it; with "after" between ("the
//     presidency said on Sunday after Tokayev held a meeting") the event is on
//     or before it;
//   - "The next day" chains on the previous explicitly dated event (or dated
//     sentence) in text order.
//   Undated events (no date words of their own) are never DAY. Dated points
//   are the events dated by their own words and the sentences with a date but
//   no event ("On Sunday, the channel posted a message ...").
//   - cause events: the first day of the effect's range, APPROXIMATE;
//   - with P = the nearest dated point before it in the text (not after its
//     report date):
//     from P's first day (the day after it when the clause marks a
//     progression: "spread", "then", "quickly", "escalated", "continued"...)
//     to the earliest explicitly dated event starting after that day, at most
//     the publication (or report) day, RANGE;
//   - with no such P (the inverted pyramid: a report before its follow-up):
//     the day before the next explicitly dated past event in the text ..
//     that day, RANGE;
//   - with neither: the publication (or report) day, APPROXIMATE. A range
//     that shrinks to one day is APPROXIMATE too.
//
// Places: capitalised names after in/at/near/outside/across/into/through/throughout,
// "spread/sent/deployed/arrived... to", and "the cities/towns/regions of",
// with lists ("Zhanaozen and Aktau"), cut at a possessive ("Iran's Kurdish
// region" -> Iran); not months, weekdays, organisations, people or initials.
//
// Participants are only those the sentence says took part: the subject and
// the object of the event's own clause (a by-phrase for passives; a country
// that only qualifies the name after it, "Haiti's President X", is not one of
// them), the source of a report ("source": an attribution, "according to X",
// the speaker of "X said that ..."; "announcer" when the event is the
// announcement of a plan), "troop contributor" for "from <country>" in a
// deployment, "spokesperson" for spokesmen, "convening body" for an
// organisation holding a meeting, else the agent/other role of the event type
// (ROLES). Names in parentheticals, relative clauses and other adverbials are
// not participants, and negations exclude: "did not attend", "was not
// represented", "stayed away", "boycotted", "except", "without", "apart
// from", "other than", "excluding" (with the lists they govern).
//
// Titles are a clause of the sentence in its own words: subject + verb +
// object, as printed, trimmed — leading adverbials, reporting frames ("TASS
// reported that"), comma parentheticals (", often apparently armed,"), the
// date phrase and trailing subordinate clauses are cut, long subjects lose
// their post-modifiers ("The date of the online talks [between ...] was first
// announced by ..."), a second coordinated verb keeps the first one's
// subject ("Amnesty and the embassy [raised concerns and] have called for
// ..."), objects stop after ten words and titles after sixteen, never inside
// a name nor on a dangling preposition. No word is inflected or taken from
// elsewhere; a nominal trigger gives its noun phrase ("The deployment of
// peacekeepers from Russia and other member states"), and the announcement
// of a plan keeps who announced it ("The ministry announced it would ...").
// description is null, except for inferred dates and plans, where it says how
// the date was placed.
//
// Confidence starts at 0.6 (0.5 for a cause event): +0.2 with a date phrase
// of its own; -0.1 when the date is inferred from neighbouring events (or is
// a cause's), -0.15 when it falls back on the publication day, 0.05 less of a
// drop when a report date bounds it; +0.1 with a named place or participant, -0.05 when a
// participant is inferred (merged from another sentence); -0.15 for hedged
// wording ("reportedly", "allegedly", "apparently", "is said to",
// "unconfirmed", "claimed"); -0.1 for a scheduled meeting (it may not
// happen); clamped to 0..1.
//
// Output is sorted by startDate, endDate, then text order (cause first).
//
// Cost: every pattern is a sequence of bounded pieces; names and places are
// found once per sentence; dating and merging walk the events in order, so a
// page costs time linear in its size.
import { DatePrecision, EventType } from "../generated/prisma/enums";
import { addDays, findDates, isFutureTense, isPastTense, isoDay, utcDay, type DateRange, type LocatedDate } from "./dates";
import { splitSentences } from "./sentences";
import type { ExtractedEvent, Sentence } from "./types";

// ------------------------------------------------------------------ triggers

interface TriggerRule {
  type: EventType;
  /** Named groups: `v` (or `v2`) the verb, `n` the noun that is its subject; a rule without `v` is nominal. */
  pattern: RegExp;
  /** Words (case aside) of which every match of the pattern contains one: a clause with none of them is not searched with it. */
  words: string[];
}

const CROWD = "(?:protesters|demonstrators|rioters|crowds?|mobs?|youths|looters|militants|armed\\s+groups?)";
const RIOT_VERBS =
  "(?:attacked|stormed|set\\s+fire\\s+to|set\\s+ablaze|torched|looted|ransacked|overran|seized|smashed|burned|burnt|stoned|clashed\\s+with|(?:attempted|tried)\\s+to\\s+(?:overrun|storm|seize))";
const FORCES = "(?:troops|peacekeepers|soldiers|forces|contingents?|paratroopers|units|servicemen|military\\s+personnel)";
const PACTS = "(?:agreement|deal|treaty|accord|ceasefire|truce|memorandum|pact|protocol|declaration)";
const MEETING_NOUNS = "(?:session|summit|meeting|talks|conference|videoconference|video\\s+conference|phone\\s+call)";
const VIOLENCE_NOUNS =
  "(?:shelling|air\\s?strikes?|airstrikes?|bombings?|bombardment|explosions?|blasts?|gunfire|shooting|shoot-?outs?|fighting|clashes|skirmishes|battles?|hostilities|violence|attacks?|gunfights?|firefights?|missiles?|rockets?|drones?|raids?|ambush|massacre)";
const VIOLENCE_EVENT_VERBS =
  "(?:erupted|broke\\s+out|started|began|took\\s+place|continued|resumed|intensified|escalated|rocked|hit|struck|killed|wounded|injured|left|were\\s+reported|was\\s+reported|targeted|destroyed|damaged|went\\s+off|shook|flared)";

const rule = (type: EventType, source: string, words: string[], flags = "i"): TriggerRule => ({ type, pattern: new RegExp(source, `${flags}gd`), words });

// Priority order: the first type with a (non-subordinate) hit is the event.
const TRIGGERS: TriggerRule[] = [
  rule(EventType.DEPLOYMENT, "\\b(?<v>deploy|deployed|deploying|deploys)\\b", ["deploy"]),
  rule(EventType.DEPLOYMENT, "\\bdeployment\\s+(?:of\\b(?=[^.;]{0,120}?\\b(?:beginning|began|begins|started|starting|begun|under\\s?way|completed)\\b)|(?<v>began|begins|started|has\\s+begun))", ["deploy"]),
  rule(EventType.DEPLOYMENT, `\\b(?<v>sent|send|sends|sending|dispatched|dispatch|flew\\s+in)\\s+(?:\\w+\\s+){0,2}?${FORCES}`, ["sent", "send", "dispatch", "flew"]),
  rule(EventType.DEPLOYMENT, `\\b(?<n>${FORCES})\\b[^.;]{0,40}?\\b(?<v>arrived|landed|entered|began\\s+arriving|were\\s+(?:sent|dispatched|flown))\\b`, ["arrived", "landed", "entered", "arriving", "sent", "dispatch", "flown"]),
  rule(EventType.DEPLOYMENT, `\\b(?<n>${FORCES})\\b[^.;]{0,40}?\\b(?<v>(?:begin|began|started|start)\\s+(?:withdrawing|to\\s+withdraw|leaving|to\\s+leave)|withdrew|withdrawn|withdraw|withdrawing|pulled\\s+out|pull\\s+out|left|leave)\\b`, ["withdr", "leav", "pull", "left"]),
  rule(EventType.DEPLOYMENT, `\\b(?<v>withdrew|withdraw|withdrawing|pulled\\s+out|pull\\s+out|pulling\\s+out)\\s+(?:\\w+\\s+){0,2}?${FORCES}`, ["withdr", "pull"]),
  rule(EventType.DEPLOYMENT, "\\b(?<v>began|begun|started|completed|begin|start|complete)\\s+(?:a|the|its|their)\\s+(?:\\w+\\s+)?withdrawal\\b", ["withdr"]),
  rule(EventType.POLITICAL_REQUEST, "\\b(?<v>turned|appealed)\\s+to\\b[^.;]{0,80}?\\bfor\\s+(?:\\w+\\s+)?(?:assistance|help|support|aid|troops|intervention)\\b", ["turned", "appealed"]),
  rule(EventType.POLITICAL_REQUEST, "\\b(?<v>asked)\\s+(?!by\\b)(?:the\\s+)?[A-Z][\\w-]*[^.;]{0,60}?\\b(?:for|to)\\b", ["asked"], ""),
  rule(EventType.POLITICAL_REQUEST, "\\b(?<v>asked\\s+for|requested|sought\\s+(?:\\w+\\s+)?(?:assistance|help|support)|called\\s+on|called\\s+for|urged|appealed\\s+(?:for|to))\\b", ["asked", "requested", "sought", "called", "urged", "appealed"]),
  rule(EventType.MEETING, `\\b(?<v>(?:will|to|would|shall)\\s+(?:hold|convene|host|attend))\\b[^.;]{0,80}?\\b${MEETING_NOUNS}\\b`, ["session", "summit", "meeting", "talks", "conference", "call"]),
  rule(EventType.MEETING, `\\b(?<v>held|holds|convened|hosted|attended|attend|attends)\\b[^.;]{0,80}?\\b${MEETING_NOUNS}\\b`, ["session", "summit", "meeting", "talks", "conference", "call"]),
  rule(EventType.MEETING, `\\b(?<n>${MEETING_NOUNS})\\b[^.;,]{0,40}?\\b(?<v>will\\s+be\\s+held|is\\s+due|is\\s+set|is\\s+scheduled|took\\s+place|was\\s+held|were\\s+held|will\\s+take\\s+place|is\\s+to\\s+take\\s+place|brought\\s+together|opened)\\b`, ["session", "summit", "meeting", "talks", "conference", "call"]),
  rule(EventType.MEETING, `\\b(?<n>${MEETING_NOUNS})\\s*,\\s*(?<v>held|hosted|convened)\\s+(?:in|on|at|by)\\b`, ["session", "summit", "meeting", "talks", "conference", "call"]),
  rule(EventType.MEETING, `\\b(?<v>(?:take|took|taking|takes)\\s+part\\s+in|(?:participated|participate|participates)\\s+in|joined)\\b[^.;]{0,60}?\\b${MEETING_NOUNS}\\b`, ["session", "summit", "meeting", "talks", "conference", "call"]),
  rule(EventType.MEETING, "\\b(?<v>met|meets|meet)\\s+(?:with\\s+|in\\s+|on\\s+|at\\s+)?(?:[A-Z]|his\\s|her\\s|their\\s)|\\b(?<v2>(?:will|to)\\s+meet)\\b", ["met", "meet"], ""),
  rule(EventType.ARREST, "\\b(?<v>detained|arrested|apprehended|detain|detains|taken\\s+into\\s+custody|rounded\\s+up)\\b", ["detain", "arrest", "apprehend", "custody", "rounded"]),
  rule(EventType.ARREST, "\\b(?:detention|arrest)\\s+of\\b", ["detention", "arrest"]),
  rule(EventType.RIOT, `\\b(?<n>${CROWD})\\b[^.;]{0,60}?\\b(?<v>${RIOT_VERBS})\\b`, ["protesters", "demonstrators", "rioters", "crowd", "mob", "youths", "looters", "militants", "armed"]),
  rule(EventType.RIOT, "\\b(?<n>riots?|rioting|looting|pogroms?)\\b[^.;]{0,30}?\\b(?<v>broke\\s+out|erupted|spread|continued|raged|left|killed)\\b", ["riot", "looting", "pogrom"]),
  rule(EventType.RIOT, "\\b(?<n>protests?|demonstrations?|rallies)\\s+(?:(?!and\\b)\\w+\\s+){0,2}?(?<v>turned\\s+(?:violent|deadly)|descended\\s+into\\s+(?:violence|chaos|riots?|clashes))", ["turned", "descended"]),
  rule(EventType.VIOLENCE, "\\b(?<v>opened\\s+fire|fired\\s+(?:(?:tear\\s+gas|rubber\\s+bullets|live\\s+(?:rounds|ammunition)|shots|warning\\s+shots|stun\\s+grenades|rockets?|missiles?|shells)\\s+)?(?:on|at|into)|(?:fired|used)\\s+(?:tear\\s+gas|water\\s+cannons?|rubber\\s+bullets|live\\s+(?:rounds|ammunition)|stun\\s+grenades)|shot\\s+(?:dead|at)|gunned\\s+down|shelled|bombed|ambushed|raided|clashed|attacked|stormed|assassinated|murdered|massacred|kidnapped|abducted|(?:tried|attempted)\\s+to\\s+(?:gun|shoot|kill|assassinate))\\b", ["opened", "fired", "used", "shot", "gunned", "shelled", "bombed", "ambushed", "raided", "clashed", "attacked", "stormed", "assassinat", "murdered", "massacre", "kidnapped", "abducted", "tried", "attempt"]),
  rule(EventType.VIOLENCE, "\\b(?:in|during|amid)\\s+(?:the\\s+)?(?:\\w+\\s+)?(?<dated>clashes|fighting|shelling|air\\s?strikes?|airstrikes?|bombings?|explosions?|attacks?|raids?|violence)\\b", ["clashes", "fighting", "shelling", "strike", "bomb", "explosion", "attack", "raid", "violence"]),
  rule(EventType.VIOLENCE, "\\b(?<n>(?:car\\s+|roadside\\s+|suicide\\s+)?bombs?|explosives?|explosive\\s+devices?|grenades?|landmines?|mines?)\\s+(?:\\w+\\s+){0,2}?(?<v>exploded|detonated|went\\s+off|blew\\s+up)\\b", ["exploded", "detonated", "went", "blew"]),
  rule(EventType.VIOLENCE, "\\b(?:assassination\\s+attempt|attempted\\s+assassination|attempt\\s+on\\s+(?:his|her|their)\\s+life)\\b", ["attempt"]),
  rule(EventType.VIOLENCE, "(?<!\\b(?:been|were|was|be|being|is|are)\\s+(?:\\w+\\s+)?)\\b(?<v>killed)\\b", ["killed"]),
  rule(EventType.VIOLENCE, `\\b(?<n>${VIOLENCE_NOUNS})\\s+(?:(?!and\\b|but\\b)\\w+\\s+){0,6}?(?<v>${VIOLENCE_EVENT_VERBS})\\b`, ["shelling", "strike", "bomb", "explosion", "blast", "gunfire", "shoot", "fighting", "clashes", "skirmishes", "battle", "hostilities", "violence", "attack", "gunfight", "firefight", "missile", "rocket", "drone", "raid", "ambush", "massacre"]),
  rule(EventType.VIOLENCE, "\\b(?<v>launched)\\s+(?:\\w+\\s+){0,3}?(?:attacks?|offensive|assault|strikes?|raids?|operations?)\\b", ["launched"]),
  rule(EventType.PROTEST, "\\b(?<n>protests?|demonstrations?|rallies|unrest|marches|strikes)\\s+(?:\\w+\\s+){0,2}?(?<v>began|begin|begun|started|broke\\s+out|erupted|spread|swept|continued|resumed|flared|escalated|intensified|grew|widened|took\\s+place|were\\s+held)\\b", ["protest", "demonstration", "rallies", "unrest", "marches", "strike"]),
  rule(EventType.PROTEST, `\\b(?<n>${CROWD})\\b(?:,[^.;]{0,160}?,\\s*|[^.;,]{0,40}?)\\b(?<v>rallied|marched|gathered|protested|demonstrated|took\\s+to\\s+the\\s+streets|blocked|went\\s+on\\s+strike)\\b`, ["protesters", "demonstrators", "rioters", "crowd", "mob", "youths", "looters", "militants", "armed"]),
  rule(EventType.PROTEST, "\\b(?<v>(?:been|were|are|was)\\s+(?:protesting|demonstrating|rallying|marching))\\b", ["protesting", "demonstrating", "rallying", "marching"]),
  rule(EventType.PROTEST, "\\b(?<v>protested|rallied|marched|demonstrated)\\s+(?:outside|in|at|against|near|through|on|in\\s+front\\s+of)\\b", ["protested", "rallied", "marched", "demonstrated"]),
  rule(EventType.PROTEST, "\\b(?<v>took\\s+to\\s+the\\s+streets)\\b|\\b(?<v2>(?:held|staged|organi[sz]ed|joined|launched)\\s+(?:an?\\s+)?(?:\\w+\\s+)?(?:rally|rallies|protests?|demonstrations?|strikes?|march|sit-ins?))\\b", ["streets", "rall", "protest", "demonstration", "strike", "march", "sit-in"]),
  rule(EventType.PROTEST, "\\b(?<n>they|it)\\s+(?:quickly\\s+|soon\\s+|then\\s+|rapidly\\s+)?(?<v>spread)\\s+to\\b", ["spread"]),
  rule(EventType.AGREEMENT, `\\b(?<n>request|appeal|application|proposal|${PACTS})\\s+(?<v>(?:was|were|has\\s+been|had\\s+been)\\s+(?:granted|approved|accepted|signed|ratified|reached|agreed))\\b`, ["granted", "approved", "accepted", "signed", "ratified", "reached", "agreed"]),
  rule(EventType.AGREEMENT, `\\b(?<v>agreed|granted|approved)\\b|\\b(?<v2>(?:signed|ratified|endorsed|reached)\\s+(?:\\w+\\s+){0,3}?(?:${PACTS}|compromise))\\b`, ["agreed", "granted", "approved", "signed", "ratified", "endorsed", "reached"]),
  rule(EventType.ECONOMIC_CHANGE, "\\b(?:doubling|tripling|rise|rises|increase|increases|hike|hikes|jump|surge|spike)\\s+(?:of|in)\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}?(?:prices?|cost|tariffs?|fares?|taxes)\\b", ["price", "cost", "tariff", "fare", "taxes"]),
  rule(EventType.ECONOMIC_CHANGE, "\\b(?:price|fuel|gas|petrol|tariff|fare|tax)\\s+(?:hikes?|rises?|increases?|spikes?)\\b", ["hike", "rise", "increase", "spike"]),
  rule(EventType.ECONOMIC_CHANGE, "\\b(?<v>raised|hiked|increased|doubled|tripled|lowered|slashed)\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}?(?:prices?|tariffs?|fares?|taxes)\\b", ["price", "tariff", "fare", "taxes"]),
  rule(EventType.ECONOMIC_CHANGE, "\\b(?<n>prices?|tariffs?|costs?|fares?)\\s+(?:\\w+\\s+){0,5}?(?<v>doubled|tripled|rose|soared|jumped|increased|surged|spiked|were\\s+raised|went\\s+up)\\b", ["price", "tariff", "cost", "fare"]),
  rule(EventType.ECONOMIC_CHANGE, "\\b(?:end|removal|lifting|scrapping|abolition|cuts?)\\s+(?:of|to|in)\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}?(?:subsid(?:y|ies)|price\\s+caps?|price\\s+controls?)\\b", ["subsid", "price"]),
  rule(EventType.ECONOMIC_CHANGE, "\\b(?<v>lifted|scrapped|removed|ended|abolished|cut|slashed)\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}?(?:subsid(?:y|ies)|price\\s+caps?|price\\s+controls?)\\b|\\bdevaluation\\b|\\b(?<v2>devalued)\\b", ["subsid", "price", "devalu"]),
  rule(EventType.ANNOUNCEMENT, "\\b(?<v>announced|confirmed|declared|unveiled|proclaimed|revealed|made\\s+public)\\b|\\b(?<v2>said)\\s+the\\s+(?:date|summit|talks|meeting|session)\\b", ["announced", "confirmed", "declared", "unveiled", "proclaimed", "revealed", "made", "said"]),
  rule(EventType.ANNOUNCEMENT, "\\b(?<v>imposed|introduced|lifted|extended|impose|introduce|lift|extend|declare)\\s+(?:a\\s+|the\\s+)?(?:\\w+\\s+){0,2}?(?:curfew|state\\s+of\\s+emergency|martial\\s+law|lockdown|internet\\s+shutdown)\\b", ["curfew", "emergency", "martial", "lockdown", "shutdown"]),
  rule(EventType.ANNOUNCEMENT, "\\b(?<v>(?:plans?|planned|intends?|intended|decided|vowed|pledged|promised|threatened|threatens)\\s+to)\\s+[a-z]+", ["plan", "intend", "decided", "vowed", "pledged", "promised", "threaten"]),
];

// The rules' words, each cut to the shortest word of the list it begins with ("protest" for "protesters"): in a
// list where no word begins another, one search of a clause finds every word it holds, and only the rules with
// one of them are run (most clauses hold the words of a few rules, or none).
const ALL_TRIGGER_WORDS = [...new Set(TRIGGERS.flatMap((t) => t.words.map((w) => w.toLowerCase())))];
const shortestWord = (word: string) => ALL_TRIGGER_WORDS.filter((w) => word.startsWith(w)).sort((a, b) => a.length - b.length)[0];
for (const trigger of TRIGGERS) trigger.words = [...new Set(trigger.words.map((w) => shortestWord(w.toLowerCase())))];
const TRIGGER_WORDS = new RegExp([...new Set(ALL_TRIGGER_WORDS.map(shortestWord))].map((w) => w.replace(/[-.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");

// For each (cut) word, the rules that list it.
const RULES_OF_WORD = new Map<string, number[]>();
TRIGGERS.forEach((trigger, ruleIndex) => {
  for (const word of trigger.words) RULES_OF_WORD.set(word, [...(RULES_OF_WORD.get(word) ?? []), ruleIndex]);
});

/** The rules (indices into TRIGGERS, ascending) one of whose words `text` holds: every start is tried, as words may overlap. */
function rulesFor(text: string): readonly number[] {
  // The first word's rules as they are; past a second word's, a mark per rule (a long clause holds thousands of words).
  let first: readonly number[] | null = null;
  let marked: Uint8Array | null = null;
  TRIGGER_WORDS.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TRIGGER_WORDS.exec(text)) !== null) {
    TRIGGER_WORDS.lastIndex = match.index + 1;
    const rules = RULES_OF_WORD.get(match[0].toLowerCase());
    if (!rules || rules === first) continue;
    if (first === null) {
      first = rules;
      continue;
    }
    if (marked === null) {
      marked = new Uint8Array(TRIGGERS.length);
      for (const rule of first) marked[rule] = 1;
    }
    for (const rule of rules) marked[rule] = 1;
  }
  if (marked === null) return first ?? NO_RULES;
  const rules: number[] = [];
  marked.forEach((on, rule) => {
    if (on) rules.push(rule);
  });
  return rules;
}
const NO_RULES: readonly number[] = [];

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

// Each pattern that opens on white space starts only where a run of it starts (`(?<!\s)`): a long run of
// spaces (a masked quotation) must not be rescanned from each of its positions.
const CAUSE_TRAILING =
  /(?<![\s,])(?:,\s*|\s+)(?:after|following|sparked\s+by|triggered\s+by|prompted\s+by|in\s+response\s+to|in\s+protest\s+(?:at|against|over))\s+(?=(?:the|a|an|his|her|their|its|she|he|they|it|we)\s)/i;
const CAUSE_LEADING = /^(?:After|Following)\s+(?:the|a|an|his|her|their|its)\s+[^,]{1,200},\s*/;
const CLAUSE_BREAK = /;\s+|,\s+(?:while|whereas|but)\s+/g;
const PROGRESSION = /\b(?:spread|spreading|escalated|then|subsequently|afterwards|soon|quickly|continued|intensified)\b/i;
const NUMBER_WORD = "(?:\\d[\\d,.]{0,20}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens|scores|several|many)";
// A figure of people killed, hurt or held: the claims extractor's, not an event.
const TALLY = new RegExp(
  `\\bnumber\\s+of\\s+(?:\\w+\\s+){0,2}?(?:dead|deaths|killed|injured|wounded|detained|arrested|victims|casualties|those|people|detainees|fatalities)\\b|\\b(?:death\\s+toll|toll|casualties|fatalities)\\b|(?:(?<![\\d,.])\\d[\\d,.]{0,20}|\\b(?:dozens?|hundreds|thousands|several|scores))\\b[^.;]{0,150}?\\b(?:have|has|were|was|had|are|is)\\s+(?:also\\s+|reportedly\\s+|now\\s+|so\\s+far\\s+|either\\s+)?(?:been\\s+|being\\s+)?(?:killed|injured|wounded|detained|arrested|died|hurt)\\b|\\b(?:detention|arrest|arrests|deaths?|killing)\\s+of\\s+(?:at\\s+least\\s+|about\\s+|around\\s+|some\\s+|nearly\\s+|more\\s+than\\s+|over\\s+)?${NUMBER_WORD}\\b|\\b(?:taken|took)\\s+(?:at\\s+least\\s+|about\\s+|around\\s+|some\\s+|more\\s+than\\s+|over\\s+)?${NUMBER_WORD}\\s+(?:\\w+\\s+)?into\\s+custody|\\b(?:killed|detained|arrested|injured|wounded)\\s+(?:at\\s+least\\s+|about\\s+|around\\s+|some\\s+|nearly\\s+|almost\\s+|more\\s+than\\s+|over\\s+|up\\s+to\\s+|an\\s+estimated\\s+)?${NUMBER_WORD}\\b|\\b${NUMBER_WORD}\\s+(?:people\\s+|civilians\\s+|protesters\\s+)?(?:dead|killed|died|injured|wounded|detained|arrested)\\b|\\bpronounced\\s+dead\\b`,
  "i",
);
// Announcing a figure is a claim, not an event.
const ANNOUNCED_FIGURE = /^\s*(?:that\s+)?(?:the\s+)?(?:\w+\s+)?(?:figures?|toll|tally|count)\b/i;
const CASUALTY_VERB = /^(?:killed|detained|arrested|apprehended|detain|detains|taken\s+into\s+custody|rounded\s+up|detention\s+of|arrest\s+of)$/i;
const HEDGE =
  /\b(?:reportedly|allegedly|purportedly|apparently|supposedly|presumably|possibly|probably|unconfirmed|unverified|rumou?red|claimed|alleged|(?:is|are|was|were)\s+(?:said|believed|thought)\s+to)\b/i;

// A trigger that did not happen or is not a verb of its clause.
const NEGATED_BEFORE = /\b(?:not|never|no\s+longer|n['’]t|nor)\s+(?:(?:yet|been|be|have|had|formally|officially|actually|also|even|be\s+able\s+to)\s+){0,2}$/i;
const SPECULATIVE_BEFORE = /\b(?:may|might|could|can)\s+(?:(?:have|be|been|also|soon|yet|still|well)\s+){0,2}$/i;
const DETERMINER_BEFORE = /(?:\b(?:the|a|an|its|his|her|their|our|this|these|those|some|other|newly|recently|already)|['’]s)\s+$/i;
const AUXILIARY_BEFORE = /\b(?:was|were|been|being|be|is|are|am|got|get|gets|have|has|had)\s+(?:(?:\w+ly|also|then|later|first|all|not|just|since|so\s+far)\s+){0,2}$/i;
const GERUND_BEFORE = /\b(?:after|before|for|of|without|since|from|upon|on|despite|over)\s+(?:\w+\s+)?being\s+$/i;
const PREPOSITION_AFTER = /^\s*(?:[.;:)]|$|(?:in|at|during|since|over|for|on|after|between|by|from|across|near|outside|amid|following|without|under|as|while|when|until|till|last|this|earlier|yesterday|overnight)\b)/i;
const PARTICIPLES = /^(?:detained|arrested|apprehended|killed|attacked|shelled|bombed|deployed|sent|announced|confirmed|declared|raided|stormed)$/i;
const PLAN_BEFORE = new RegExp(
  "\\b(?:will|would|shall|['’]ll|(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed|aiming|wants?|wanted|hopes?|hoped|seeks?|sought|vows?|vowed|pledges?|pledged|promises?|promised|threatens?|threatened|decides?|decided|offers?|offered|proposes?|proposed)\\s+to|(?:is|are|was|were|be|been)\\s+(?:(?:now|also|still)\\s+)?(?:due|set|expected|scheduled|slated|poised|going|likely|about|ready|prepared|planning|preparing)\\s+to|(?:is|are)\\s+to)\\s+(?:(?:be|begin|start|soon|also|not|then|\\w+ly)\\s+){0,3}$",
  "i",
);
const RELATIVE_BEFORE = /\b\w+\s+(?:that|which|who)\s+(?:\w+\s+){0,1}$/i;
const REPORTING_BEFORE_THAT = /\b(?:said|says|reported|reports|announced|confirmed|stated|claimed|added|noted|revealed|warned|alleged|believes?|showed|shows|found|denied|insisted|argued|explained|told\s+\w+|and)\s+that\s+(?:\w+\s+){0,1}$/i;
const MODAL_PREFIX = /^(?:will|would|shall|to)\s+/i;
const ATTENDANCE = /^(?:attend|attended|take\s+part\s+in|took\s+part\s+in|participated\s+in|participate\s+in|joined)/i;

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
  /** The verb (`v` group), or null for a nominal trigger. */
  verb: Span | null;
  /** The noun the verb has for subject (`n` group), if the rule names one. */
  noun: Span | null;
  subordinate: boolean;
  /** The verb's subject is a relative pronoun ("signs that called for"): not the clause's own event. */
  relative: boolean;
  /** Governed by a plan or prediction ("will", "plans to"): did not happen. */
  planned: boolean;
  /** Negated attendance ("did not attend"): the meeting stands, its subject is no participant. */
  negated: boolean;
  /** A noun of violence in a prepositional phrase ("died in clashes"): an event only with a date of its own. */
  needsDate: boolean;
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

interface PlaceMention {
  name: string;
  index: number;
}

/** What is read once per sentence (names and places when first asked for). */
interface SentenceText {
  sentence: Sentence;
  masked: string;
  readonly entities: Entity[];
  readonly places: PlaceMention[];
  /** Every match of a word pattern in `masked`, listed on first use (see `matchBetween`). */
  matches?: Map<RegExp, Span[]>;
  /** attributionSpan by span ("start:end"), once asked. */
  attributions?: Map<string, Span | null>;
  /** What follows each comma that `inApposition` looked past (see `segmentOpening`). */
  openings?: Map<number, { text: number; opener: number }>;
}

/** How the event's date was placed. */
type DateSource = "text" | "report" | "inferred" | "publication" | "cause";

interface Draft {
  type: EventType;
  title: string;
  sentence: Sentence;
  /** Text order (a cause event sorts just before its effect). */
  order: number;
  range: DateRange | null;
  dateText: string | null;
  dateSource: DateSource;
  /** A report date ("X said on Monday"): the event lies on or before it. */
  reportBound: Date | null;
  /** A date of the sentence the event follows ("a week ago ..., where riots erupted"). */
  notBefore: Date | null;
  future: boolean;
  planned: boolean;
  hedged: boolean;
  progression: boolean;
  causeOf: Draft | null;
  placeNames: string[];
  participants: { name: string; role: string }[];
  inferredParticipants: boolean;
  description: string | null;
  /** For an undated planned meeting: its participants, should it become the announcement of the plan. */
  asAnnouncement: { name: string; role: string }[] | null;
}

/** A dated point of the narrative: an event dated by its own words, or a dated sentence with no event. */
interface Dated {
  order: number;
  range: DateRange | null;
  dateText: string | null;
}

interface State {
  publishedAt: Date;
  today: Date;
  anchor: DateRange | null;
  drafts: Draft[];
  /** Dated sentences without an event ("Amini was pronounced dead on 16 September"): they place undated events too. */
  anchors: Dated[];
  order: number;
}

// ------------------------------------------------------------------ entry point

/** Events in `body` (an article published at `publishedAt`), in time order. */
export function extractEvents(body: string, publishedAt: Date): ExtractedEvent[] {
  const state: State = { publishedAt, today: utcDay(publishedAt), anchor: null, drafts: [], anchors: [], order: 0 };
  for (const sentence of splitSentences(body)) sentenceEvents(sentence, state);
  const drafts = mergeMeetingMentions(state.drafts);
  settleUndatedPlans(drafts, state.today);
  inferUndatedDates(drafts, state.anchors, state.today);
  return drafts.sort(byTime).map(toEvent);
}

// ------------------------------------------------------------------ sentences and clauses

// "ALMATY, Jan 6 (Reuters) - ", "5th August 2019 – (Hong Kong) ", "(Guayaquil) ": the filing place and date, not the event's.
const DATELINE =
  /^(?:[A-Z][A-Z .'-]{1,40}(?:,\s*[^-–—()]{0,40})?\s*(?:\([^)]{2,30}\)\s*)?[-–—]+\s*|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}\s*[-–—]+\s*(?:\([^)]{2,30}\)\s*)?|\([A-Z][^()]{1,30}\)\s+(?=[A-Z]))/;

/** Masks text inside double quotation marks, and a wire dateline, with spaces (offsets unchanged). */
export function maskQuotes(text: string): string {
  const undated = DATELINE.test(text) ? text.replace(DATELINE, (dateline) => " ".repeat(dateline.length)) : text;
  // The masked spans, then the text rebuilt around them (not a character array per sentence).
  const spans: Span[] = [];
  // One pass: each opening mark to its closing one; an unclosed mark masks nothing (a regex would rescan the rest for each).
  // Each search's answer is kept until the scan passes it, so many unclosed marks do not each rescan the rest.
  let pos = 0;
  let curly = text.indexOf("“");
  let straight = text.indexOf('"');
  let curlyClosed = true; // false once no "”" is left after an opening mark
  for (;;) {
    if (curly >= 0 && curly < pos) curly = text.indexOf("“", pos);
    if (straight >= 0 && straight < pos) straight = text.indexOf('"', pos);
    const open = curly < 0 ? straight : straight < 0 ? curly : Math.min(curly, straight);
    if (open < 0) break;
    const curlyOpen = text[open] === "“";
    const close = curlyOpen && !curlyClosed ? -1 : text.indexOf(curlyOpen ? "”" : '"', open + 1);
    if (curlyOpen && close < 0) curlyClosed = false;
    if (close < 0) {
      if (text[open] === '"' || straight < 0) break;
      pos = open + 1;
      continue;
    }
    spans.push({ start: open, end: close + 1 });
    pos = close + 1;
  }
  if (spans.length === 0) return undated;
  let masked = "";
  let from = 0;
  for (const span of spans) {
    masked += undated.slice(from, span.start) + " ".repeat(span.end - span.start);
    from = span.end;
  }
  return masked + undated.slice(from);
}

function isSpeechOrQuestion(text: string): boolean {
  return /^["“]/.test(text) || /\?["”’]?$/.test(text);
}

function sentenceEvents(sentence: Sentence, state: State): void {
  if (isSpeechOrQuestion(sentence.text)) return;
  const masked = maskQuotes(sentence.text);
  const spans = clauseSpans(masked);
  // Triggers first: most sentences have none, and names are only looked for where they do.
  const clauses = spans.map((clause) => ({ clause, ...splitCause(masked, clause) }));
  const hits = clauses.map(({ main, cause }) => ({ main: validHits(masked, main), cause: cause ? validHits(masked, cause) : [] }));
  if (hits.every((h) => h.main.length === 0 && h.cause.length === 0)) {
    datedPoint(masked, { start: 0, end: masked.length }, state);
    return;
  }
  // Names and places on first use: a draft turned down before its participants (a tally) needs none.
  let entities: Entity[] | undefined;
  let places: PlaceMention[] | undefined;
  const text: SentenceText = {
    sentence,
    masked,
    get entities() {
      return (entities ??= findEntities(masked));
    },
    get places() {
      return (places ??= findPlaces(masked, this.entities).sort((a, b) => a.index - b.index));
    },
  };
  clauses.forEach(({ main, cause, clause }, i) => clauseEvents(text, clause, main, cause, hits[i].main, hits[i].cause, state));
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

function clauseEvents(text: SentenceText, clause: Span, main: Span, cause: Span | null, mainHits: Hit[], causeHits: Hit[], state: State): void {
  const causeHit = pickTrigger(causeHits);
  const order = (state.order += 2);
  let effect: Draft | null = null;
  // The best-ranked trigger that makes an event (a rejected tally or an undated phrase gives way to the next).
  let hit: Hit | null = null;
  for (const candidate of rankTriggers(mainHits)) {
    effect = buildDraft({ text, main, clause, hit: candidate, hits: mainHits, order, state, cause });
    if (effect) {
      hit = candidate;
      break;
    }
  }
  if (effect) {
    state.drafts.push(effect);
    if (effect.dateSource === "text" && effect.range && !effect.planned) state.anchor = effect.range;
  }
  const point = hit ? null : datedPoint(text.masked, main, state, text);
  if (cause && causeHit && (!hit || causeHit.type !== hit.type)) {
    // Without an event of its own, the main clause still dates its cause ("X was pronounced dead on 16 September after she was detained").
    const host = effect ?? (point ? ({ type: EventType.OTHER, range: point.range } as Draft) : null);
    if (!host) return;
    const causeDraft = buildDraft({ text, main: cause, clause: cause, hit: causeHit, hits: causeHits, order: order - 1, state, cause: null });
    if (!causeDraft) return;
    causeDraft.causeOf = host;
    state.drafts.push(causeDraft);
  }
}

/** The first narrative date of a span with no event (not a report's, not a bound, not a possessive), kept as a dated point. */
function datedPoint(masked: string, span: Span, state: State, sentence?: SentenceText): Dated | null {
  const attribution = sentence ? attributionOf(sentence, span) : attributionSpan(masked, span);
  const end = attribution ? attribution.start : span.end;
  const text = masked.slice(span.start, end);
  if (!/\d|day\b|week\b|month\b|year\b|night\b|ago\b/i.test(text)) return null; // no date words: skip the search
  const date = findDates(text, { publishedAt: state.publishedAt, past: isPastTense(text), anchor: state.anchor }).find(
    (d) => !BOUND_DATE.test(d.dateText) && !/^['’]s\b/.test(text.slice(d.index + d.dateText.length)) && d.startDate <= state.today,
  );
  if (!date) return null;
  const range = { startDate: date.startDate, endDate: date.endDate, precision: date.precision };
  const point: Dated = { order: (state.order += 2), range, dateText: date.dateText };
  state.anchors.push(point);
  state.anchor = range;
  return point;
}

// ------------------------------------------------------------------ triggers

function groupSpan(match: RegExpExecArray, offset: number, ...names: string[]): Span | null {
  const indices = match.indices?.groups;
  for (const name of names) {
    const found = indices?.[name];
    if (found) return { start: offset + found[0], end: offset + found[1] };
  }
  return null;
}

/** Every rule's first hit in the span that is a real use of the trigger (see `acceptHit`). */
function validHits(text: string, span: Span): Hit[] {
  const slice = text.slice(span.start, span.end);
  const hits: Hit[] = [];
  for (const ruleIndex of rulesFor(slice)) {
    const trigger = TRIGGERS[ruleIndex];
    trigger.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = trigger.pattern.exec(slice)) !== null) {
      if (match[0].length === 0) {
        trigger.pattern.lastIndex++;
        continue;
      }
      const hit = acceptHit(text, span, match, ruleIndex, trigger.type);
      if (hit) {
        hits.push(hit);
        break;
      }
    }
  }
  return hits;
}

function acceptHit(text: string, span: Span, match: RegExpExecArray, ruleIndex: number, type: EventType): Hit | null {
  const index = span.start + match.index;
  const verb = groupSpan(match, span.start, "v", "v2");
  const noun = groupSpan(match, span.start, "n");
  const at = verb ? verb.start : index;
  const before = text.slice(Math.max(span.start, at - 80), at);
  const verbText = verb ? text.slice(verb.start, verb.end) : "";
  if (SPECULATIVE_BEFORE.test(before)) return null;
  let negated = false;
  if (NEGATED_BEFORE.test(before)) {
    if (type !== EventType.MEETING || !ATTENDANCE.test(verbText)) return null;
    negated = true;
  }
  if (verb && PARTICIPLES.test(verbText) && !noun) {
    if (DETERMINER_BEFORE.test(before)) return null; // "the detained leader", "those detained"
    if (GERUND_BEFORE.test(before)) return null; // "after being detained": no subject to name
    // "people detained in the unrest": a participle with no auxiliary and no object. (Not verbs of
    // announcing: "the ministry announced on Monday" is finite far more often than not.)
    const announcing = type === EventType.ANNOUNCEMENT;
    if (!announcing && !AUXILIARY_BEFORE.test(before) && PREPOSITION_AFTER.test(text.slice(verb.end, Math.min(span.end, verb.end + 20)))) return null;
  }
  if (type === EventType.ANNOUNCEMENT && verb && /^confirmed$/i.test(verbText) && /^\s+(?:dead|killed|injured|wounded|missing)\b/i.test(text.slice(verb.end, verb.end + 12))) return null;
  if (noun && nounIsObject(text, span, noun, verb)) return null;
  const modal = MODAL_PREFIX.exec(verbText)?.[0] ?? "";
  const planText = `${before}${modal}`;
  // "plans to", "vowed to" (the plan rule) is a plan in itself.
  const planned = /^(?:will|would|shall)\s/i.test(modal) || PLAN_BEFORE.test(planText) || (type === EventType.ANNOUNCEMENT && /\sto$/i.test(verbText));
  return {
    rule: ruleIndex,
    type,
    index,
    end: index + match[0].length,
    text: match[0],
    verb,
    noun,
    subordinate: /\b(?:to|for)\s+(?:the\s+)?$/i.test(text.slice(Math.max(span.start, index - 12), index)),
    relative: !noun && RELATIVE_BEFORE.test(before) && !REPORTING_BEFORE_THAT.test(before),
    planned,
    negated,
    needsDate: groupSpan(match, span.start, "dated") !== null,
  };
}

// What may precede a subject: a clause opening, a conjunction, a subordinator, a verb of saying, a quantity ("thousands of").
const BEFORE_SUBJECT =
  /^(?:and|but|or|since|after|before|when|while|as|because|if|until|once|although|though|whereas|where|that|which|who|meanwhile|however|then|later|also|said|says|reported|announced|confirmed|claimed|added|noted|warned|revealed|stated|alleged|believe|believes|told|thousands|hundreds|dozens|scores|of|many|some|several|other)$/i;

/** "helped calm the violence in the country began": the noun follows a verb or preposition, and no relative word links it to the verb. */
function nounIsObject(text: string, span: Span, noun: Span, verb: Span | null): boolean {
  if (!verb) return false;
  const start = nounPhraseStart(text, span.start, noun.start);
  const before = /(\S+)\s+$/.exec(text.slice(Math.max(span.start, start - 30), start));
  if (!before || /[,;:(]$/.test(before[1]) || /^\p{Lu}/u.test(before[1]) || BEFORE_SUBJECT.test(before[1])) return false;
  return !/^\s*(?:that|which|who)\b/i.test(text.slice(noun.end, verb.start)) && !/^\s*$/.test(text.slice(noun.end, verb.start));
}

/** Non-subordinate hits first, then type priority, then rule order (verbs before nouns), then text order. */
function rankTriggers(hits: Hit[]): Hit[] {
  const rank = (hit: Hit) => (hit.subordinate ? 100 : 0) + (hit.relative ? 50 : 0) + TYPE_ORDER.indexOf(hit.type);
  return [...hits].sort((a, b) => rank(a) - rank(b) || a.rule - b.rule || a.index - b.index);
}

function pickTrigger(hits: Hit[]): Hit | null {
  return rankTriggers(hits)[0] ?? null;
}

// ------------------------------------------------------------------ reports and attributions

// Verbs of saying: what follows them is reported, and a date right after them dates the report.
const REPORT_VERB =
  /\b(?:said|says|say|reported|reports|announced|announces|confirmed|confirms|stated|states|claimed|claims|alleged|alleges|added|adds|noted|notes|revealed|reveals|warned|estimated|wrote|tweeted|posted|told\s+(?:reporters|journalists|the\s+\p{Lu}[\p{L}.]*|\p{Lu}[\p{L}.]*)(?:\s+\p{Lu}[\p{L}.]*)?)\b/gu;

/** "X said (on Monday) (that) ...": the frame before the reported clause, if the verb at `at` is inside one. */
function frameBefore(text: string, main: Span, at: number): Span | null {
  const slice = text.slice(main.start, at);
  let last: RegExpExecArray | null = null;
  REPORT_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REPORT_VERB.exec(slice)) !== null) last = m;
  if (!last) return null;
  const verbEnd = main.start + last.index + last[0].length;
  const tail = text.slice(verbEnd, at);
  const that = /^[^,;]{0,60}?\bthat\s+/.exec(tail);
  if (that) return { start: main.start, end: verbEnd + that[0].length };
  // "Kazakhstan said Saturday its former security chief ...": a date right after the verb belongs to the frame.
  const dated = /^\s+(?:(?:on|early|late|last|this)\s+)*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|overnight)\b(?:\s+(?:morning|afternoon|evening|night))?/i.exec(tail);
  if (dated) return { start: main.start, end: verbEnd + dated[0].length };
  // A subordinate or relative word between the verb and the trigger: the trigger is not what was said.
  if (/\b(?:after|before|when|while|because|as|which|who)\b/i.test(tail)) return null;
  return { start: main.start, end: verbEnd };
}

const ATTRIBUTION_TRAILING =
  /,\s*(?:the\s+)?[^,]{0,60}?\b(?:(?:has|have|had)\s+)?(?:confirmed|said|says|announced|reported|reports|stated|added|noted|claimed|told\s+\w+)(?:\s+(?!that\b|who\b|which\b)[^\s,;]+){0,6}\.?\s*$/;
const ATTRIBUTION_ACCORDING = /(?:^|,)\s*[Aa]ccording\s+to\s+[^,.;]{1,120}(?:,\s*|$)/;

/** A trailing ", the Kremlin has confirmed" or an "according to X" in the clause. */
/** attributionSpan of the sentence's span, read once (a clause's drafts and its dated point ask for the same). */
function attributionOf(text: SentenceText, main: Span): Span | null {
  text.attributions ??= new Map();
  const key = `${main.start}:${main.end}`;
  let found = text.attributions.get(key);
  if (found === undefined) text.attributions.set(key, (found = attributionSpan(text.masked, main)));
  return found;
}

function attributionSpan(text: string, main: Span): Span | null {
  const slice = text.slice(main.start, main.end);
  const match = ATTRIBUTION_TRAILING.exec(slice) ?? ATTRIBUTION_ACCORDING.exec(slice);
  return match ? { start: main.start + match.index, end: main.start + match.index + match[0].length } : null;
}

const within = (index: number, span: Span | null) => span !== null && index >= span.start && index < span.end;

// ------------------------------------------------------------------ drafts

interface DraftInput {
  text: SentenceText;
  main: Span;
  clause: Span;
  hit: Hit;
  hits: Hit[];
  order: number;
  state: State;
  cause: Span | null;
}

interface ClauseDates {
  /** The event's own date phrase. */
  event: LocatedDate | null;
  /** The date of a report or attribution (resolved in the past tense). */
  report: LocatedDate | null;
  /** For a plan: the date of the planned act, after the verb. */
  planned: LocatedDate | null;
  /** Every date phrase's span (sentence offsets), for cutting them out of titles. */
  spans: Span[];
  /** A date the event follows ("..., where riots erupted"). */
  notBefore?: Date;
}

const SUBORDINATE_BETWEEN = /\b(?:since|after|before|when|because|which|who|whose|where|until|while)\b|,\s+as\b/i;
const WHERE = /\bwhere\b/i;
const AFTER = /\bafter\b/i;
const BOUND_DATE = /^(?:until|till|through|up\s+to|by)\b/i;

const isWordChar = (text: string, i: number) => i >= 0 && i < text.length && /\w/.test(text[i]);

/** Every match of `pattern` in the sentence (text order, not overlapping), listed on first use. */
function sentenceMatches(text: SentenceText, pattern: RegExp): Span[] {
  text.matches ??= new Map();
  let spans = text.matches.get(pattern);
  if (!spans) {
    spans = [];
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of text.masked.matchAll(global)) spans.push({ start: m.index, end: m.index + m[0].length });
    text.matches.set(pattern, spans);
  }
  return spans;
}

/**
 * `pattern.test(masked.slice(from, to))` in logarithmic time: the pattern's matches in the whole sentence are listed
 * once (binary search after that), so a clause of many dates does not rescan its text for each. For patterns whose
 * matches are words between `\b`s (or begin with a comma) and never nest: a slice then holds exactly the sentence's
 * matches that lie inside it, except where it cuts a word (a word character on both sides of `from` or `to`), which
 * is read from the slice itself.
 */
function matchBetween(text: SentenceText, pattern: RegExp, from: number, to: number): boolean {
  const { masked } = text;
  if (to <= from) return false;
  if ((isWordChar(masked, from - 1) && isWordChar(masked, from)) || (isWordChar(masked, to - 1) && isWordChar(masked, to))) {
    return pattern.test(masked.slice(from, to));
  }
  const spans = sentenceMatches(text, pattern);
  // The first match starting at or after `from` ends first (matches never overlap).
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].end <= to;
}

/** Sorts the clause's date phrases into the event's, the report's and a plan's. */
function clauseDates(input: DraftInput, frame: Span | null, attribution: Span | null, future: boolean, past: boolean): ClauseDates {
  const { text, main, hit, state, cause } = input;
  const masked = text.masked;
  const search = (span: Span, tenseFuture: boolean, tensePast: boolean) =>
    findDates(masked.slice(span.start, span.end), { publishedAt: state.publishedAt, future: tenseFuture, past: tensePast, anchor: state.anchor }).map((d) => ({ ...d, index: d.index + span.start }));
  const at = hit.verb?.start ?? hit.index;
  const hitInAttribution = within(at, attribution);
  const verbPast = hit.verb !== null && isPastTense(masked.slice(hit.verb.start, hit.verb.end));
  const result: ClauseDates = { event: null, report: null, planned: null, spans: [] };
  let found = search(main, future, past);
  if (found.length === 0 && cause) found = search({ start: main.end, end: cause.end }, future, past);
  for (const date of found) {
    result.spans.push({ start: date.index, end: date.index + date.dateText.length });
    const reported = !hitInAttribution && (within(date.index, frame) || within(date.index, attribution));
    if (reported || (hitInAttribution && within(date.index, attribution))) {
      // Verbs of saying are past: "the Kremlin announced on Thursday" in a future-tense sentence is last Thursday.
      const again = findDates(date.dateText, { publishedAt: state.publishedAt, past: true, anchor: state.anchor })[0];
      const resolved = again ? { ...again, index: date.index } : date;
      if (hitInAttribution) result.event ??= resolved;
      else result.report ??= resolved;
      continue;
    }
    if (BOUND_DATE.test(date.dateText)) {
      if (hit.planned) result.planned ??= date;
      continue;
    }
    const after = masked.slice(date.index + date.dateText.length, date.index + date.dateText.length + 3);
    if (/^['’]s\b/.test(after)) {
      // "last week's unrest": dates the noun it qualifies, the event only if that noun is the trigger's.
      const qualified = masked.slice(date.index + date.dateText.length, date.index + date.dateText.length + 40);
      const noun = /^['’]s\s+(?:\w+\s+){0,2}?(\w+)/.exec(qualified);
      const triggerWords = masked.slice(hit.noun?.start ?? hit.index, hit.end).toLowerCase();
      if (!noun || !triggerWords.includes(noun[1].toLowerCase())) continue;
    }
    if (date.index >= hit.end && matchBetween(text, SUBORDINATE_BETWEEN, hit.end, date.index)) continue;
    if (date.index >= hit.end && inApposition(text, hit.end, date.index)) continue;
    // "the unrest that broke out a week ago ..., where riots erupted": the date is the earlier clause's, and the event is not before it.
    const between = date.index < at ? date.index + date.dateText.length : at;
    if (matchBetween(text, WHERE, between, at)) {
      result.notBefore ??= date.startDate;
      continue;
    }
    // "the presidency said on Sunday after Tokayev held a meeting": the event is on or before that day.
    if (matchBetween(text, AFTER, between, at)) {
      result.report ??= date;
      continue;
    }
    if (hit.planned && date.index >= at) {
      result.planned ??= date;
      continue;
    }
    // A past event is not dated after publication: "called for a strike next week" dates the strike.
    if (verbPast && !hit.planned && date.startDate > state.today && date.index >= at) continue;
    result.event ??= date;
  }
  return result;
}

const COMMA = /, /;
const SEGMENT_OPENER = /^(?:on|in|at|during|since|from|until|till|by|between|early|late|later|earlier|last|this|next|the\s+(?:next|following|previous|same)|with|beginning|starting)\b/i;
const SEGMENT_OPENER_AT = new RegExp(SEGMENT_OPENER.source.slice(1), "iy");

/**
 * The text between a trigger and a date (`masked` from `from` to `to`) ends in a comma segment that opens with a noun,
 * not a preposition. The last comma is found by binary search in the sentence's commas, and what follows it is read
 * once per comma, so the many dates of one long clause do not each rescan the text back to their comma.
 */
function inApposition(text: SentenceText, from: number, to: number): boolean {
  const { masked } = text;
  const commas = sentenceMatches(text, COMMA);
  // The last comma with its space before `to`.
  let lo = 0;
  let hi = commas.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (commas[mid].end <= to) lo = mid + 1;
    else hi = mid;
  }
  const comma = commas[lo - 1];
  if (!comma || comma.start < from) return false;
  // A segment cut inside a word (the date glued to it) is read from the slice, as it reads there.
  if (isWordChar(masked, to - 1) && isWordChar(masked, to)) {
    const segment = masked.slice(comma.end, to);
    return segment.trim() !== "" && !SEGMENT_OPENER.test(segment);
  }
  const opening = segmentOpening(text, comma.end);
  return opening.text < to && !(opening.opener >= 0 && opening.opener <= to);
}

/** After the comma ending at `at`: where its text begins (past spaces) and where a preposition opening it ends (-1: none). */
function segmentOpening(text: SentenceText, at: number): { text: number; opener: number } {
  text.openings ??= new Map();
  let opening = text.openings.get(at);
  if (!opening) {
    const nonSpace = /\S/g;
    nonSpace.lastIndex = at;
    const first = nonSpace.exec(text.masked);
    SEGMENT_OPENER_AT.lastIndex = at;
    const opener = SEGMENT_OPENER_AT.exec(text.masked);
    opening = { text: first ? first.index : text.masked.length, opener: opener ? at + opener[0].length : -1 };
    text.openings.set(at, opening);
  }
  return opening;
}

function buildDraft(input: DraftInput): Draft | null {
  const { text, main, clause, hit, state } = input;
  const masked = text.masked;
  const mainText = masked.slice(main.start, main.end);
  const at = hit.verb?.start ?? hit.index;
  const attribution = attributionOf(text, main);
  const hitInAttribution = within(at, attribution);
  const frame = hitInAttribution ? null : frameBefore(masked, main, at);
  const future = isFutureTense(hitInAttribution && attribution ? masked.slice(main.start, attribution.start) : mainText);
  const past = !future && isPastTense(mainText);
  const dates = clauseDates(input, frame, attribution, future, past);

  if (hit.needsDate && !dates.event) return null;
  // Figures are claims: an undated tally of killed or detained people is no event, nor is announcing one.
  const casualtyVerb = CASUALTY_VERB.test((hit.verb ? masked.slice(hit.verb.start, hit.verb.end) : hit.text).trim());
  // An event noun's own toll ("the blasts that killed 359") is that event; a running total ("attacks have killed 280") is a figure.
  const cumulative = !hit.noun || /\b(?:have|has|had)\s+(?:\w+\s+)?$/i.test(masked.slice(Math.max(0, at - 20), at));
  if ((hit.type === EventType.ARREST || hit.type === EventType.VIOLENCE) && casualtyVerb && cumulative && !dates.event && TALLY.test(mainText)) return null;
  if (hit.type === EventType.ANNOUNCEMENT && !hit.planned) {
    let content = hitInAttribution && attribution ? masked.slice(main.start, attribution.start) : masked.slice(hit.end, main.end);
    if (!hitInAttribution && !/\p{L}/u.test(content) && /[“"]/.test(text.sentence.text.slice(hit.end, main.end))) return null; // "She declared, “...”"
    // "..., authorities announced Saturday": with nothing after the verb but a date, what was announced comes before it.
    if (!hitInAttribution && /^\s*(?:(?:on|early|late|last)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\s*)?(?:,|$)/.test(content)) content = masked.slice(main.start, at);
    const passiveContent = isPassive(masked, at) ? masked.slice(main.start, at) : "";
    if (!/\p{L}/u.test(content) && !/\p{L}/u.test(passiveContent)) return null; // "She declared, “...”"
    if (TALLY.test(content) || TALLY.test(passiveContent) || ANNOUNCED_FIGURE.test(content)) return null;
  }

  // A plan did not happen: it is an announcement, unless it is a meeting the text puts on a day.
  const scheduledMeeting = hit.type === EventType.MEETING && hit.planned && dates.planned !== null;
  const plan = hit.planned && !scheduledMeeting;
  const eventDate = scheduledMeeting ? dates.planned : plan ? (dates.event ?? dates.report) : dates.event;
  const type = plan && hit.type !== EventType.MEETING ? EventType.ANNOUNCEMENT : hit.type;

  // The announcement of a plan is the event: its title keeps who announced it ("The ministry announced it would send ...").
  // What the title leaves out: the date phrases, and asides the object skips.
  const cuts = [...dates.spans];
  const parts = clauseParts(masked, main, hit, plan && type === EventType.ANNOUNCEMENT ? null : frame, hitInAttribution ? null : attribution, cuts);
  const title = renderTitle(text.sentence.text, parts, cuts) || TYPE_LABEL[type];
  // Places in appositions after the event's own words ("..., scene of one of the worst massacres in X") are not its places.
  const segmentEnd = masked.indexOf(", ", parts.predicate.end);
  const placeLimit = segmentEnd < 0 || segmentEnd > main.end ? main.end : segmentEnd;
  const places = [
    ...new Set(
      inSpan(text.places, main)
        .filter((p) => p.index < placeLimit && !within(p.index, frame) && !(within(p.index, attribution) && !hitInAttribution))
        .map((p) => p.name),
    ),
  ];
  const entities = inSpan(text.entities, main);
  const roleInput: RoleInput = { hit, masked, parts, frame, attribution, hitInAttribution, places, planAnnouncement: false };
  const participants = assignRoles(type, entities, { ...roleInput, planAnnouncement: type === EventType.ANNOUNCEMENT && hit.planned });
  const draft: Draft = {
    type,
    title,
    sentence: text.sentence,
    order: input.order,
    range: eventDate ? { startDate: eventDate.startDate, endDate: eventDate.endDate, precision: eventDate.precision } : null,
    dateText: eventDate ? eventDate.dateText : null,
    dateSource: eventDate ? "text" : "inferred",
    reportBound: dates.report && !plan ? dates.report.endDate : null,
    notBefore: dates.notBefore ?? null,
    future,
    planned: hit.planned,
    hedged: HEDGE.test(masked.slice(clause.start, clause.end)),
    progression: PROGRESSION.test(mainText),
    causeOf: null,
    placeNames: places,
    participants,
    inferredParticipants: false,
    description: null,
    asAnnouncement: hit.type === EventType.MEETING && plan ? assignRoles(EventType.ANNOUNCEMENT, entities, { ...roleInput, planAnnouncement: true }) : null,
  };
  if (plan) {
    const planned = dates.planned ? `"${dates.planned.dateText}" (${describeRange(dates.planned)})` : "no date in the text";
    if (eventDate) {
      draft.description = `A stated plan (${planned}); dated to its announcement ("${eventDate.dateText}").`;
    } else {
      draft.range = { startDate: state.today, endDate: state.today, precision: DatePrecision.APPROXIMATE };
      draft.dateSource = "publication";
      draft.description = `A stated plan (${planned}); the text does not date its announcement: placed on the publication day (${isoDay(state.today)}), approximately.`;
    }
  } else if (!eventDate && dates.report) {
    draft.description = `Dated in the text only by its report ("${dates.report.dateText}", ${isoDay(dates.report.endDate)}): on or before that day.`;
  }
  return draft;
}

/** The items (sorted by index) that lie in `span`: binary search, so a sentence of many clauses costs no more than its clauses. */
function inSpan<T extends { index: number }>(sorted: T[], span: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].index < span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end].index < span.end) end++;
  return sorted.slice(lo, end);
}

function describeRange(range: DateRange): string {
  const start = isoDay(range.startDate);
  const end = isoDay(range.endDate);
  return start === end ? start : `${start}..${end}`;
}

function isPassive(text: string, at: number): boolean {
  return /\b(?:was|were|been|being|is|are)\s+(?:(?:\w+ly|first|also|then|later|not)\s+)?$/.test(text.slice(Math.max(0, at - 40), at));
}

/** Undated MEETING mentions join the article's dated meeting nearest in the text. */
function mergeMeetingMentions(drafts: Draft[]): Draft[] {
  const dated = drafts.filter((d) => d.type === EventType.MEETING && d.dateText).sort((a, b) => a.order - b.order);
  if (dated.length === 0) return drafts;
  const names = new Map<Draft, Set<string>>();
  return drafts.filter((draft) => {
    if (draft.type !== EventType.MEETING || draft.dateText) return true;
    const target = nearestByOrder(dated, draft.order);
    const known = names.get(target) ?? new Set(target.participants.map((p) => p.name));
    names.set(target, known);
    for (const participant of draft.participants) {
      if (known.has(participant.name)) continue;
      known.add(participant.name);
      target.participants.push(participant);
      target.inferredParticipants = true;
    }
    const places = new Set(target.placeNames);
    for (const place of draft.placeNames) if (!places.has(place)) target.placeNames.push(place);
    return false;
  });
}

/** The draft of `sorted` (by order) nearest to `order`: binary search. */
function nearestByOrder(sorted: Draft[], order: number): Draft {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].order < order) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo];
  const before = sorted[lo - 1];
  if (!after) return before;
  if (!before) return after;
  return order - before.order <= after.order - order ? before : after;
}

/** An undated plan to meet with no dated meeting to join: the announcement of that plan. */
function settleUndatedPlans(drafts: Draft[], today: Date): void {
  for (const draft of drafts) {
    if (draft.type !== EventType.MEETING || draft.dateText || !draft.asAnnouncement) continue;
    draft.type = EventType.ANNOUNCEMENT;
    draft.participants = draft.asAnnouncement;
    const day = draft.reportBound ?? today;
    draft.range = { startDate: day, endDate: day, precision: DatePrecision.APPROXIMATE };
    draft.dateSource = "publication";
    draft.description = `A stated plan to meet, with no date in the text; dated to its announcement: placed on the ${draft.reportBound ? "report" : "publication"} day (${isoDay(day)}), approximately.`;
  }
}

// ------------------------------------------------------------------ dating undated events

function inferUndatedDates(drafts: Draft[], anchors: Dated[], today: Date): void {
  const byOrder = [...drafts].sort((a, b) => a.order - b.order);
  const explicit: Dated[] = [...byOrder.filter((d) => d.dateSource === "text" && d.range), ...anchors].sort((a, b) => a.order - b.order);
  const starts = explicit.map((d) => d.range!.startDate.getTime()).sort((a, b) => a - b);
  const past = explicit.filter((d) => d.range!.startDate <= today);
  let seen = 0;
  for (const draft of byOrder) {
    while (seen < past.length && past[seen].order < draft.order) seen++;
    if (draft.range || draft.causeOf) continue;
    // The nearest dated point before it that is not after its bound (a report date): a few steps back at most.
    const bound = draft.reportBound && draft.reportBound < today ? draft.reportBound : today;
    let back = seen - 1;
    while (back >= 0 && back >= seen - 5 && past[back].range!.startDate > bound) back--;
    const previous = back >= 0 && back >= seen - 5 ? past[back] : (past[seen - 1] ?? null);
    const inferred = inferFromNeighbours(draft, previous, past[seen] ?? null, starts, today);
    Object.assign(draft, { ...inferred, description: draft.description ? `${draft.description} ${inferred.description}` : inferred.description });
  }
  for (const draft of drafts) {
    if (draft.range || !draft.causeOf?.range) continue;
    const first = draft.causeOf.range.startDate;
    draft.range = { startDate: first, endDate: first, precision: DatePrecision.APPROXIMATE };
    draft.dateSource = "cause";
    draft.description = `Cause of the ${draft.causeOf.type === EventType.OTHER ? "event" : draft.causeOf.type} named in the same sentence; undated in the text, placed on the first possible day of that event (${isoDay(first)}).`;
  }
}

/** The first of `sorted` (ascending times) after `time`, or null: binary search. */
function firstAfter(sorted: number[], time: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo] : null;
}

function inferFromNeighbours(draft: Draft, previous: Dated | null, next: Dated | null, starts: number[], today: Date): Pick<Draft, "range" | "description" | "dateSource"> {
  // A report date bounds the event: it happened by then.
  const bound = draft.reportBound && draft.reportBound < today ? draft.reportBound : today;
  const boundText = draft.reportBound ? `the report (${isoDay(bound)})` : `publication (${isoDay(bound)})`;
  const precision = (start: Date, end: Date) => (start.getTime() === end.getTime() ? DatePrecision.APPROXIMATE : DatePrecision.RANGE);
  const notBefore = draft.notBefore && draft.notBefore <= bound ? draft.notBefore : null;
  if ((previous?.range && previous.range.startDate <= bound) || notBefore) {
    const from = previous?.range && previous.range.startDate <= bound ? previous.range.startDate : notBefore!;
    const after = notBefore && notBefore > from ? notBefore : addDays(from, draft.progression ? 1 : 0);
    // Text order is not time order: a start past the bound is the bound.
    const start = after > bound ? bound : after;
    const later = firstAfter(starts, start.getTime());
    const endTime = Math.min(bound.getTime(), later ?? bound.getTime());
    const end = endTime < start.getTime() ? start : new Date(endTime);
    return {
      range: { startDate: start, endDate: end, precision: precision(start, end) },
      dateSource: "inferred",
      description: `Undated in the text: placed on or after ${isoDay(start)}${previous?.dateText ? ` (after "${previous.dateText}", ${isoDay(previous.range!.startDate)})` : ""} and by ${isoDay(end)}.`,
    };
  }
  if (next?.range && next.range.startDate <= bound) {
    const end = next.range.startDate;
    if (next.range.precision !== DatePrecision.DAY) {
      // A background paragraph's coarse date ("in early January") after it: the report is not before that story began.
      return {
        range: { startDate: end, endDate: bound, precision: precision(end, bound) },
        dateSource: "inferred",
        description: `Undated in the text: reported before the background "${next.dateText}" (from ${isoDay(end)}); placed from then to ${isoDay(bound)}.`,
      };
    }
    return {
      range: { startDate: addDays(end, -1), endDate: end, precision: DatePrecision.RANGE },
      dateSource: "inferred",
      description: `Undated in the text: reported before "${next.dateText}" (${isoDay(end)}); placed in the day up to it.`,
    };
  }
  return {
    range: { startDate: bound, endDate: bound, precision: DatePrecision.APPROXIMATE },
    dateSource: "publication",
    description: `Undated in the text: placed on the day of ${boundText}, approximately.`,
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
  if (draft.dateSource === "text") score += 0.2;
  else if (draft.dateSource === "publication") score -= 0.15;
  else score -= 0.1;
  if (draft.reportBound && draft.dateSource !== "text") score += 0.05; // a report date narrows an inferred one
  if (draft.placeNames.length > 0 || draft.participants.length > 0) score += 0.1;
  if (draft.inferredParticipants) score -= 0.05;
  if (draft.hedged) score -= 0.15;
  if (draft.type === EventType.MEETING && (draft.future || draft.planned)) score -= 0.1;
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

// ------------------------------------------------------------------ titles: the clause in its own words

interface ClauseParts {
  /** Subject pieces (sentence offsets), in order; the parentheticals between them are cut. */
  subject: Span[];
  /** From the verb (or the nominal trigger's noun phrase) to the end of its object. */
  predicate: Span;
}

// Segments before the verb that are not its subject: adverbials, relative clauses, appositive ages...
const ADVERBIAL =
  /^(?:(?:on|in|at|during|after|before|since|following|according|despite|amid|amidst|with|without|by|for|from|under|over|across|as|while|when|once|if|though|although|later|earlier|meanwhile|however|also|then|now|still|yet|so|thus|moreover|furthermore|separately|simultaneously|shortly|overnight|today|yesterday|tonight|judging|who|which|whose|whom|where|often|mostly|largely|reportedly|allegedly|apparently|aged|meanwhile|instead|again)\b|\p{L}+ing\s|\d+$|[a-z]+ed\s+by\b)/iu;
// "at least 82 people", "approximately 2,700 soldiers": a figure opens a subject, not an adverbial.
const QUANTITY_START = /^(?:at\s+(?:least|most)|more\s+than|less\s+than|fewer\s+than|over|up\s+to|about|around|nearly|almost|some|approximately|roughly|an\s+estimated)\s+\d/i;
const AUX_WORD = /^(?:was|were|has|have|had|been|being|is|are|am|will|would|shall|also|first|then|later|quickly|soon|not|just|now|still|did|does|do|so|far|already|finally|eventually|[a-z]+ly)$/;
const CONNECTIVE = /^(?:and|but|then|meanwhile|so|also|as|thus|however|yet|that)\s+/i;
const SUBJECT_CUT = /^(?:between|which|who|whose|that|including|among|amid)$/i;
const LIST_ITEM = /^(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
const OBJECT_STOP =
  /[,:](?=\s|$)|[;(]|[.!?](?=\s|$)|\s[–—-]\s|--|\s(?:which|who|whose|where|while|when|after|before|because|since|amid|according|following|despite|prompting|sparking|leaving|killing|injuring|wounding|saying|adding|calling|demanding|accusing|citing|claiming|beginning|starting|including|that|as)\b|\s(?:and|but)\s+(?:they|he|she|it|we|there|this|these|those|police|authorities|denied|said|added|claimed|insisted|noted|stressed)\b/i;
// Where a capped object may not end: on a word that opens what was cut ("... officers [in several]").
const DANGLING = /^(?:on|in|at|for|of|with|to|by|the|a|an|and|or|over|from|its|their|his|her|as|that|than|into|including|against|several|some|many|other|more|about|around|nearly|during|between|among|after|before|under|across|through)$/i;
const BOUNDARY = /,\s+(?:and|but|as|so)\s+|;\s*|:\s+|\s(?:where|when|while|after|before|because|although|though|whereas|unless|once)\s+/gi;
const NP_PREMODIFIER =
  /^(?:the|a|an|its|his|her|their|this|these|those|[\p{L}-]+['’]s|\p{Lu}[\p{L}-]*|\p{L}+-[\p{L}-]+|\d[\d,.]*|mass|new|fresh|deadly|violent|heavy|intense|massive|large|huge|fierce|renewed|major|further|sporadic|nationwide|widespread|twofold|threefold|sharp|sudden|steep|full|partial|planned|gradual)$/u;
// Lowercase words that end a noun phrase going back: function words and verbs.
const NOT_PREMODIFIER =
  /^(?:of|in|on|at|to|for|with|by|from|and|or|but|that|which|who|was|were|is|are|had|has|have|been|be|will|would|out|up|after|before|said|says|as|than|into|over|during|amid|since|not|also|then|when|while|where|about|against|between|through|across|under|there|here|it|they|he|she|we|[a-z]+ed)$/;
const SUBORDINATOR = /^(?:since|after|before|when|while|as|because|if|until|once|although|though|whereas|where|meanwhile|however|later|earlier|then|also|according)$/i;
const QUANTITY_NOUN = /^(?:thousands|hundreds|dozens|scores|tens|millions|groups?|crowds?|number|some|many|several|all|most|few|lots|waves?|series|members|supporters|\d[\d,.]*)$/i;
const SUBJECT_WORDS = 10;
const OBJECT_WORDS = 10;
const TITLE_WORDS = 16;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsIn(text: string, span: Span): Word[] {
  const words: Word[] = [];
  const pattern = /\S+/g;
  const slice = text.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(slice)) !== null) words.push({ text: m[0], start: span.start + m.index, end: span.start + m.index + m[0].length });
  return words;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Where the trigger's own clause starts: after a reporting frame, a clause break or a subordinator. */
function clauseStart(masked: string, main: Span, frame: Span | null, at: number): number {
  let start = frame ? Math.max(main.start, frame.end) : main.start;
  BOUNDARY.lastIndex = 0;
  const slice = masked.slice(start, at);
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(slice)) !== null) {
    // "Armenia, Kyrgyzstan, and Tajikistan": the serial comma of a list of names joins no clauses.
    if (/^,\s+(?:and|or)\s/i.test(m[0])) {
      const item = /(?:^|,\s+)([^,]*)$/.exec(slice.slice(0, m.index))?.[1] ?? "";
      if (LIST_ITEM.test(item.trim()) && /^\s*(?:the\s+)?\p{Lu}/u.test(slice.slice(m.index + m[0].length))) continue;
    }
    last = m;
  }
  if (last) start += last.index + last[0].length;
  return start;
}

function isAdverbial(raw: string): boolean {
  const segment = raw.replace(/\s+/g, " ");
  if (QUANTITY_START.test(segment)) return false;
  // "often apparently armed": a few adverbs and a participle, no figure.
  if (/^[a-z]+ly\b/.test(segment) && !/\d/.test(segment) && segment.split(/\s+/).length <= 4) return true;
  return ADVERBIAL.test(segment) || isDateOnly(segment);
}

function isDateOnly(segment: string): boolean {
  return /^(?:later|earlier|late|early)?\s*(?:on|in|since|by)?\s*(?:\w+day|\d[\d\s\w.,]{0,30}|the\s+next\s+day)$/i.test(segment);
}

/** The subject of the verb at `at`: "[Adverbial], Subject verb", "Subject, [parenthetical], verb", "A, B and C verb". */
function subjectOf(masked: string, lo: number, at: number): Span[] {
  const segments: Span[] = [];
  const separator = /,\s+|(?<!\s)\s+[–—]\s+|(?<!\s)\s*--\s*/g;
  const stretch = masked.slice(lo, at);
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = separator.exec(stretch)) !== null) {
    segments.push({ start: lo + pos, end: lo + m.index });
    pos = m.index + m[0].length;
  }
  segments.push({ start: lo + pos, end: at });
  const text = (s: Span) => masked.slice(s.start, s.end).trim();
  const last = segments[segments.length - 1];
  // Auxiliaries and adverbs right before the verb ("was first", "have so far") stay with it.
  const lastWords = wordsIn(masked, last);
  let auxFrom = lastWords.length;
  while (auxFrom > 0 && AUX_WORD.test(lastWords[auxFrom - 1].text.toLowerCase())) auxFrom--;
  const aux: Span | null = auxFrom < lastWords.length ? { start: lastWords[auxFrom].start, end: at } : null;
  const rawCore = lastWords.slice(0, auxFrom).map((w) => w.text).join(" ");
  const core = rawCore.replace(CONNECTIVE, "");
  // A segment that opens with a finite verb is a predicate, not a subject ("..., entered the prison to quell the riot that").
  const opensWithVerb = FINITE_VERB.test(core.split(" ")[0]) && !NOT_FINITE.test(core.split(" ")[0]);
  if (core && !opensWithVerb && !isAdverbial(core) && !/^(?:who|which|that|whose)\b/i.test(core)) {
    let first = segments.length - 1;
    if (/^(?:and|or)\s|\s(?:and|or)\s/i.test(rawCore)) {
      while (first > 0 && LIST_ITEM.test(text(segments[first - 1]))) first--;
      // The list's first item may close a longer segment ("the leaders of Russia, Armenia and Belarus").
      if (first < segments.length - 1 && first > 0 && /\p{Lu}[\p{L}'’.-]*$/u.test(text(segments[first - 1])) && !isAdverbial(text(segments[first - 1]))) first--;
    }
    const span = { start: segments[first].start, end: at };
    if (/\s(?:and|or|but)$/i.test(rawCore)) return coordinatedSubject(masked, span, aux);
    return shortenSubject(masked, span, aux);
  }
  const subject = segments.slice(0, -1).find((s) => text(s) && !isAdverbial(text(s)) && !FINITE_VERB.test(text(s).split(/\s+/)[0]));
  if (!subject) return aux ? [aux] : [];
  if (/(?:^|\s)(?:and|or|but)$/i.test(rawCore)) return coordinatedSubject(masked, subject, aux);
  return shortenSubject(masked, subject, aux);
}

// A finite verb that ends a subject ("supporters intervened"): an -ed word not after a determiner, or a common past form.
const FINITE_VERB =
  /^(?:[a-z]{3,}ed|was|were|had|has|have|is|are|did|went|made|took|gave|came|began|broke|left|spread|set|held|met|said|told|fell|rose|led|won|lost|saw|shot|sent|fled|fought|struck|swept|became|brought|kept|put|ran|stood|raised)$/;
const NOT_FINITE = /^(?:hundred|armed|masked|unidentified|detained|injured|wounded|united|so-called|alleged|suspected|reported)$/;

/** "X intervened, entering the campus and violently attacked": the subject of the first verb with the trigger verb. */
function coordinatedSubject(masked: string, span: Span, aux: Span | null): Span[] {
  const words = wordsIn(masked, span);
  const verb = words.findIndex((w, i) => i > 0 && FINITE_VERB.test(w.text) && !NOT_FINITE.test(w.text) && !/^(?:the|a|an|its|his|her|their)$/i.test(words[i - 1].text));
  if (verb < 0) return shortenSubject(masked, span, aux);
  let end = verb;
  while (end > 1 && /^(?:meanwhile|also|then|later|first|already|[a-z]+ly)$/.test(words[end - 1].text)) end--;
  const subject = { start: words[0].start, end: words[end - 1].end };
  return shortenSubject(masked, subject, aux && aux.start > subject.end ? aux : null);
}

/** A subject of more than ten words loses its post-modifier ("The date of the online talks [between ...]"). */
function shortenSubject(masked: string, subject: Span, aux: Span | null): Span[] {
  let span = trimSpan(masked, subject);
  const lead = CONNECTIVE.exec(masked.slice(span.start, span.end));
  if (lead) span = { start: span.start + lead[0].length, end: span.end };
  const auxInside = aux && aux.start >= span.start && aux.start <= span.end;
  const head: Span = auxInside ? trimSpan(masked, { start: span.start, end: aux!.start }) : span;
  const words = wordsIn(masked, head);
  if (words.length <= SUBJECT_WORDS) return auxInside || !aux ? [span] : [span, aux];
  const cut = words.findIndex((w, i) => i >= 2 && i <= SUBJECT_WORDS && SUBJECT_CUT.test(w.text));
  const end = cut > 0 ? words[cut - 1].end : words[SUBJECT_WORDS - 1].end;
  return aux ? [{ start: head.start, end }, aux] : [{ start: head.start, end }];
}

/** Where the object of the verb ends: punctuation, a subordinate word, the date phrase, ten words. An aside it skips is added to `dates` (the title's cuts). */
function objectEnd(masked: string, from: number, limit: number, dates: Span[]): number {
  let pos = from;
  for (;;) {
    // A date right after the verb is cut, and the object goes on after it ("announced on Monday that ...").
    const next = dates.find((d) => d.start >= pos && masked.slice(pos, d.start).trim() === "");
    if (next && next.end <= limit) {
      pos = next.end;
      continue;
    }
    break;
  }
  // "announced, in an urgent notice, the fall of ...": a short adverbial between commas does not end the object.
  const aside = /^,\s+(?:in|on|at|during|with|according|after|before|for|by|under|as|through)\b[^,;.]{0,60},\s+/.exec(masked.slice(pos, limit));
  if (aside) {
    dates.push({ start: pos, end: pos + aside[0].length - 1 });
    pos += aside[0].length;
  }
  // "announced that ...": the complementiser opens the object, it does not end it.
  const opening = /^\s*that\b/i.exec(masked.slice(pos, limit));
  const scanFrom = opening ? pos + opening[0].length : pos;
  const region = masked.slice(scanFrom, limit);
  const stop = OBJECT_STOP.exec(region);
  let end = scanFrom + (stop ? stop.index : region.length);
  const date = dates.find((d) => d.start >= pos && d.start < end);
  if (date) end = date.start;
  // Words are counted after an aside, which the title keeps but which says nothing of the object.
  const words = wordsIn(masked, { start: aside ? pos : from, end });
  if (words.length <= OBJECT_WORDS) return end;
  // Capped: back off to before the last preposition or conjunction among the last kept words.
  // Capped: not on a word that opens what was cut ("... officers [in several]"), nor on a noun that needs its
  // "of" ("... facilities [in a number of]").
  let keep = wholeNameEnd(words.map((w) => w.text), OBJECT_WORDS);
  for (let i = keep - 1; i >= Math.max(1, keep - 3); i--) {
    if (DANGLING.test(words[i].text)) {
      keep = i;
      break;
    }
  }
  if (/^(?:number|part|series|lot|range|group|couple|total|majority|handful|wave|kind|type)$/i.test(words[keep - 1]?.text ?? "")) {
    for (let i = keep - 2; i >= Math.max(1, keep - 4); i--) {
      if (DANGLING.test(words[i].text) && !/^(?:a|an|the)$/i.test(words[i].text)) {
        keep = i;
        break;
      }
    }
  }
  while (keep > 1 && DANGLING.test(words[keep - 1].text)) keep--;
  return words[Math.max(0, keep - 1)].end;
}

/** A cut after `count` words, moved past the rest of a name it would split ("Prime Minister | Nikol Pashinyan"). */
function wholeNameEnd(words: string[], count: number): number {
  let end = count;
  while (end < words.length && end < count + 4 && /^\p{Lu}/u.test(words[end - 1]) && /^\p{Lu}/u.test(words[end])) end++;
  return end;
}

/** Where a nominal trigger's noun phrase starts: its determiners and modifiers ("the twofold rise"). */
function nounPhraseStart(masked: string, lo: number, index: number): number {
  const words = wordsIn(masked, { start: Math.max(lo, index - 200), end: index });
  let start = index;
  for (let i = words.length - 1, taken = 0; i >= 0 && taken < 5; i--, taken++) {
    const word = words[i].text;
    if (/[,;:.)]$/.test(word)) break;
    // "thousands of protesters", "a group of students"
    if (word === "of" && i > 0 && QUANTITY_NOUN.test(words[i - 1].text)) {
      start = words[i - 1].start;
      i--;
      continue;
    }
    // "the armed forces": an -ed word after a determiner is an adjective.
    const adjective = /^[a-z]+ed$/.test(word) && i > 0 && /^(?:the|a|an|its|his|her|their|these|those)$/i.test(words[i - 1].text);
    if (!adjective && (NOT_PREMODIFIER.test(word.toLowerCase()) || SUBORDINATOR.test(word))) break;
    if (!NP_PREMODIFIER.test(word) && !/^[a-z][a-z-]+$/.test(word)) break;
    start = words[i].start;
    if (/^(?:the|a|an|its|his|her|their|this|these|those)$/i.test(word) || /['’]s$/.test(word)) break;
  }
  return start;
}

function clauseParts(masked: string, main: Span, hit: Hit, frame: Span | null, attribution: Span | null, dates: Span[]): ClauseParts {
  const at = hit.verb?.start ?? hit.index;
  const limit = attribution && attribution.start > at ? attribution.start : main.end;
  const lo = clauseStart(masked, main, frame, hit.noun?.start ?? at);
  if (hit.needsDate) {
    // "41 people died in clashes on Friday": the clause that holds the phrase, from its start.
    const start = trimSpan(masked, { start: lo, end: hit.index }).start;
    return { subject: [], predicate: { start, end: Math.max(hit.end, objectEnd(masked, hit.end, limit, dates)) } };
  }
  if (!hit.verb) {
    const start = nounPhraseStart(masked, lo, hit.index);
    return { subject: [], predicate: { start, end: Math.max(hit.end, objectEnd(masked, hit.end, limit, dates)) } };
  }
  let subject = subjectOf(masked, lo, at);
  if (hit.noun && !nounIsSubject(masked, subject, hit.noun)) subject = nounSubject(masked, lo, hit.noun, at);
  const end = objectEnd(masked, hit.verb.end > hit.end ? hit.verb.end : hit.end, limit, dates);
  return { subject, predicate: { start: at, end: Math.max(end, hit.verb.end) } };
}

// Between a subject's start and its head noun: a clause of its own ("97 civilians have been killed since clashes").
const CLAUSE_INSIDE = /\b(?:since|after|before|when|while|as|because|if|until|have|has|had|was|were|is|are|said|says)\b/i;

/** Whether the clause's subject found before the verb is the trigger's noun phrase. */
function nounIsSubject(masked: string, subject: Span[], noun: Span): boolean {
  const first = subject[0];
  if (!first || !subject.some((s) => noun.start >= s.start && noun.start < s.end)) return false;
  if (FINITE_VERB.test(/^\S+/.exec(masked.slice(first.start, first.end))?.[0] ?? "")) return false; // "entered the prison to quell the riot"
  return !CLAUSE_INSIDE.test(masked.slice(first.start, noun.start));
}

/** "heavy fighting erupted", "Demonstrators[, holding placards,] marched": the noun's phrase, its filler cut at a comma. */
function nounSubject(masked: string, lo: number, noun: Span, at: number): Span[] {
  const start = nounPhraseStart(masked, lo, noun.start);
  const filler = masked.slice(noun.end, at);
  if (!/,\s|\s[–—]\s|--/.test(filler)) return [{ start, end: at }];
  const words = wordsIn(masked, { start: noun.end, end: at });
  let auxFrom = words.length;
  while (auxFrom > 0 && AUX_WORD.test(words[auxFrom - 1].text.toLowerCase())) auxFrom--;
  return auxFrom < words.length ? [{ start, end: noun.end }, { start: words[auxFrom].start, end: at }] : [{ start, end: noun.end }];
}

/** The title: the parts' own words as printed (quotes included), the date phrases cut out. */
function renderTitle(sentence: string, parts: ClauseParts, dates: Span[]): string {
  const pieces = [...parts.subject, parts.predicate].filter((p) => p.end > p.start);
  const words: string[] = [];
  for (const piece of pieces) {
    let cursor = piece.start;
    const cuts = dates.filter((d) => d.start < piece.end && d.end > piece.start).sort((a, b) => a.start - b.start);
    for (const cut of [...cuts, { start: piece.end, end: piece.end }]) {
      if (cut.start > cursor) words.push(sentence.slice(cursor, Math.min(cut.start, piece.end)));
      cursor = Math.max(cursor, cut.end);
    }
  }
  let title = words.join(" ").replace(/\s+/g, " ").replace(/\s+([,;:.])/g, "$1").trim();
  const all = title.split(" ");
  if (all.length > TITLE_WORDS) title = all.slice(0, wholeNameEnd(all, TITLE_WORDS)).join(" ");
  // A long quotation is someone's words, not a title.
  const longQuote = /[“"][^”"]{60}/.exec(title);
  if (longQuote) title = title.slice(0, longQuote.index);
  title = title.replace(/^[\s,;:–—-]+/, "").replace(/^(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s+/i, "").replace(/[\s,;:–—-]+$/, "");
  for (;;) {
    const last = /\s(\S+)$/.exec(title);
    const trimmed = last && DANGLING.test(last[1]) ? title.slice(0, last.index).replace(/[\s,;:–—-]+$/, "") : title;
    if (trimmed === title) break;
    title = trimmed;
  }
  title = title.replace(/[“"(]$/, "").trim();
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : "";
}

// ------------------------------------------------------------------ entities

const NAME_TOKEN = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
const TITLES =
  "(?:(?:Vice\\s+)?President|Prime\\s+Minister|PM|Premier|Chancellor|(?:Foreign|Defen[cs]e|Interior|Finance)\\s+Minister|Minister|[Ss]pokes(?:man|woman|person)|Secretary[- ]General|(?:[Oo]pposition\\s+)?[Ll]eader|King|Queen|Prince|Mayor|Governor|General|Gen\\.|Ambassador|[Ee]nvoy|Senator|[Aa]ctivist|[Jj]ournalist|[Cc]ommander|[Cc]hair(?:man|woman)?|[Cc]hief|[Pp]hotographer|[Dd]irector)";
const PERSON = new RegExp(`(?:\\b(\\p{Lu}[\\p{L}]+)\\s+)?\\b(${TITLES})\\s+(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,2})`, "gu");
const ORG_SUFFIX = "(?:Council|Ministry|Organi[sz]ation|Committee|Union|Assembly|Parliament|Agency|Commission|Alliance|Court|Bank|Fund|Guard|Police|Army|Office|Service|Party|Front|Movement|Syndicate|Embassy|International)";
const ORGANIZATION = new RegExp(
  `\\b((?:(?:[A-Z]{2,6}|\\p{Lu}(?:\\.\\p{Lu})+\\.?|\\p{Lu}\\p{Ll}+['’]?)\\s+){0,4}${ORG_SUFFIX}(?:\\s+of\\s+(?:the\\s+)?${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3})?)\\b|\\b(Kremlin|White\\s+House|Pentagon|Akorda)\\b|\\b([A-Z]{2,6})\\b`,
  "gu",
);
const NOT_NAMES = new Set([
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "The", "A", "An", "He", "She", "They", "It", "His", "Her", "Their", "Later", "Earlier", "In", "On", "At",
]);
const NOT_ACRONYMS = new Set(["II", "III", "IV", "VI", "TV", "OK", "AM", "PM", "VIDEO", "READ", "MORE", "ALSO", "UPDATE", "LIVE", "BREAKING"]);
const COUNTRY_ALIASES = ["Turkey", "Britain", "Great Britain", "USA", "US", "U.S.", "UK", "U.K.", "Ivory Coast", "Czech Republic", "Burma", "Russian Federation", "Gaza", "Palestine"];

let countryNames: Set<string> | null = null;

/** Country names from ICU (Intl.DisplayNames) plus common press forms. */
function countrySet(): Set<string> {
  if (countryNames) return countryNames;
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
  countryNames = names;
  return names;
}

function safeRegionName(display: Intl.DisplayNames, code: string): string | undefined {
  try {
    return display.of(code);
  } catch {
    return undefined;
  }
}

function findPeople(text: string): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(PERSON)) {
    const tokens = m[3].split(/\s+/);
    const cut = tokens.findIndex((t) => NOT_NAMES.has(t));
    const name = (cut >= 0 ? tokens.slice(0, cut) : tokens).join(" ");
    if (!name) continue;
    const index = m.index + m[0].length - m[3].length;
    const prefix = m[1] && !NOT_NAMES.has(m[1]) ? `${m[1]} ` : "";
    found.push({ name, kind: "person", index, end: index + name.length, title: `${prefix}${m[2]}` });
  }
  return found;
}

function findOrganizations(text: string): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(ORGANIZATION)) {
    let name = (m[1] ?? m[2] ?? m[3]).replace(/^(?:The|A|An|Leaders|Officials|In|On|At|According)\s+/, "");
    if (m[3] && (NOT_ACRONYMS.has(m[3]) || COUNTRY_ALIASES.includes(m[3]))) continue;
    const index = m.index + m[0].length - name.length;
    if (m[3] && /\(\s*$/.test(text.slice(Math.max(0, index - 3), index)) && found.length > 0) continue; // "(CSTO)" after its full name
    name = name.replace(/\s+/g, " ");
    found.push({ name, kind: "organization", index, end: index + name.length, title: null });
  }
  return found;
}

// Runs of capitalised words ("Sri Lanka", "United States", "U.S.", "Bosnia and Herzegovina").
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|the|and)\s+){0,2}\p{Lu}[\p{L}'’.-]*){0,4}/gu;

/** Countries by name: each run of capitalised words is looked up, longest reading first (a set, not one huge alternation). */
function findCountries(text: string): Entity[] {
  const names = countrySet();
  const found: Entity[] = [];
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0], start: m.index + w.index }));
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(5, words.length - i); n >= 1 && !matched; n--) {
        const last = words[i + n - 1];
        const raw = text.slice(words[i].start, last.start + last.text.length);
        const name = names.has(raw) ? raw : raw.replace(/(?:['’]s|[.,])$/, "");
        if (names.has(name)) {
          found.push({ name, kind: "country", index: words[i].start, end: words[i].start + name.length, title: null });
          matched = n;
        }
      }
      i += matched || 1;
    }
  }
  return found;
}

/** People, organisations and countries in the sentence; a name inside a longer one is dropped. */
function findEntities(text: string): Entity[] {
  const all = [...findPeople(text), ...findOrganizations(text), ...findCountries(text)];
  const taken = new Uint8Array(text.length + 1);
  const kept: Entity[] = [];
  for (const entity of [...all].sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index)) {
    let free = true;
    for (let i = entity.index; i < entity.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, entity.index, entity.end);
    kept.push(entity);
  }
  return kept.sort((a, b) => a.index - b.index);
}

// ------------------------------------------------------------------ places

const PLACE_NAME = `\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,3}`;
const PLACE = new RegExp(
  `(?:\\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]cross|[Ii]nto|[Tt]hroughout|[Tt]hrough)|\\b(?:spread|sent|send|deployed|deploy|dispatched|flown|flew|moved|marched|travell?ed|headed|arrived|returned)\\s+(?:\\w+\\s+){0,3}?to)\\s+(?:the\\s+(?:cities|city|towns?|regions?|provinces?|villages?|capital|port|oblasts?|streets)\\s+of\\s+)?(${PLACE_NAME}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)${PLACE_NAME})*)`,
  "gu",
);
const NOT_PLACE = new RegExp(`\\b${ORG_SUFFIX}\\b|\\b(?:Kremlin|White House|Pentagon)\\b|^${TITLES}\\b`);

function isPlaceName(name: string, entities: Entity[], index: number): boolean {
  if (name.length < 2 || NOT_NAMES.has(name.split(" ")[0])) return false;
  if (/^[A-Z]{1,6}$/.test(name) && !COUNTRY_ALIASES.includes(name)) return false;
  if (NOT_PLACE.test(name)) return false;
  return !entities.some((e) => e.kind !== "country" && index < e.end && e.index < index + name.length);
}

/** Place names after in/at/... ("in the cities of Zhanaozen and Aktau"), as written, with their offsets. */
function findPlaces(text: string, entities: Entity[]): PlaceMention[] {
  const places: PlaceMention[] = [];
  for (const m of text.matchAll(PLACE)) {
    let offset = m.index + m[0].length - m[1].length;
    for (const part of m[1].split(/((?<!\s)\s*,\s*(?:and\s+)?|(?<!\s)\s+and\s+)/)) {
      // "Iran's Kurdish region" is in Iran.
      const possessive = /['’]s\b/.exec(part);
      const name = possessive ? part.slice(0, possessive.index) : part;
      if (!/^\s*(?:,|and\b)/.test(part) && isPlaceName(name, entities, offset)) places.push({ name, index: offset });
      offset += part.length;
    }
  }
  return places;
}

// ------------------------------------------------------------------ roles

interface RoleInput {
  hit: Hit;
  masked: string;
  parts: ClauseParts;
  frame: Span | null;
  attribution: Span | null;
  hitInAttribution: boolean;
  places: string[];
  /** The event is the announcement of a plan: who states it announces it. */
  planAnnouncement: boolean;
}

// "except Armenia and Belarus", "without Russia": the list after such words took no part.
const EXCLUDED_BEFORE =
  /\b(?:except(?:\s+for)?|without|apart\s+from|aside\s+from|other\s+than|excluding|but\s+not|not\s+including|with\s+the\s+exception\s+of|save\s+for|barring)\s+(?:(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*,\s*|\s+(?:and|or)\s+))*(?:the\s+)?$/u;
// "Armenia and Belarus did not attend", "Armenia, which was not represented".
const EXCLUDED_AFTER =
  /^(?:(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})*['’]?s?\s*,?\s*(?:(?:which|who)\s+)?(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|do\s+not|was\s+not|wasn['’]t|were\s+not|weren['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not|will\s+not|won['’]t|would\s+not|refused\s+to|declined\s+to|failed\s+to|chose\s+not\s+to|stayed\s+away|boycotted|skipped|was\s+absent|were\s+absent|was\s+missing)\b/u;

function isExcluded(masked: string, entity: Entity): boolean {
  return EXCLUDED_BEFORE.test(masked.slice(Math.max(0, entity.index - 120), entity.index)) || EXCLUDED_AFTER.test(masked.slice(entity.end, entity.end + 160));
}

function assignRoles(type: EventType, entities: Entity[], input: RoleInput): { name: string; role: string }[] {
  const { hit, masked, parts, frame, attribution, hitInAttribution, places } = input;
  const passive = isPassive(masked, hit.verb?.start ?? hit.index);
  const byMatch = /\bby\s+[^,;]*/.exec(masked.slice(hit.end, parts.predicate.end));
  const byPhrase: Span | null = byMatch ? { start: hit.end + byMatch.index, end: hit.end + byMatch.index + byMatch[0].length } : null;
  const [agentRole, otherRole] = ROLES[type];
  const participants: { name: string; role: string }[] = [];
  entities.forEach((entity, i) => {
    const next = entities[i + 1];
    // "Haiti's President Jovenel Moise", "Georgia's Parliament": the country only qualifies the name that follows.
    if (entity.kind === "country" && next && /^['’]s\s/.test(masked.slice(entity.end, entity.end + 3)) && next.index - entity.end <= 25) return;
    participate(entity);
  });
  return participants;

  function participate(entity: Entity): void {
    if (entity.kind === "country" && places.includes(entity.name)) return;
    if (participants.some((p) => p.name === entity.name)) return;
    const inSource = within(entity.index, frame) || within(entity.index, attribution);
    const inSubject = parts.subject.some((s) => within(entity.index, s));
    const inPredicate = within(entity.index, parts.predicate);
    if (!inSource && !inSubject && !inPredicate) return; // named, but not said to take part
    if (isExcluded(masked, entity)) return;
    if (inSubject && hit.negated) return; // "Armenia did not attend the summit"
    let role: string;
    if (entity.kind === "person" && /spokes/i.test(entity.title ?? "")) role = "spokesperson";
    else if (inSource) role = input.planAnnouncement || hitInAttribution ? "announcer" : "source";
    else if (type === EventType.DEPLOYMENT && entity.kind === "country" && /\bfrom\s+$/.test(masked.slice(Math.max(0, entity.index - 6), entity.index))) role = "troop contributor";
    else if (type === EventType.MEETING && entity.kind === "organization") role = "convening body";
    else if (input.planAnnouncement) role = inSubject && !frame && !attribution ? "announcer" : "mentioned";
    else {
      const agent = passive ? within(entity.index, byPhrase) : inSubject;
      role = agent ? agentRole : otherRole;
    }
    participants.push({ name: entity.name, role });
  }
}
