// Whether one casualty figure still stands, as the text around it tells it
// (the annotation rules' "Status"): RETRACTED, SUPERSEDED, DISPUTED or CURRENT.
//
// readStatus(input) → ClaimStatus. Pure, no state.
//
// ── Rules, tried in this order (the first that fires wins) ──
// 1. RETRACTED — the figure is withdrawn:
//    "retracted"; "deleted/removed/withdrew/took down the post/message/figure/
//    data/..." and "the post was (later) deleted/removed/...", also with the
//    figure inside the subject ("the statement reporting 64 deaths was
//    withdrawn", no comma in between); "since-deleted";
//    "never provided such data"; "denied publishing"; "published by mistake /
//    in error", "mistakenly posted"; "erroneous data", "the figure was
//    erroneous"; "technical error" only with a post/figure/data word in the
//    same clause ("a technical failure caused the collapse" is no retraction).
//    Scope: a cue in the figure's clause, or in a later clause of the sentence
//    with no other figure in between ("..., but the post was later deleted");
//    or in one of the next NEXT_SENTENCES sentences ("It was later
//    deleted."), up to the first that gives a number of its own (after that
//    "the post" may be about another figure). Days and years do not count.
// 2. SUPERSEDED, bound to the figure — the words just before it name it as
//    the old one: "the initial death toll of six", "the earlier reported toll
//    of 72", "the earlier figure of", "correcting the toll of 72", "rose from
//    8 (to 18)", "up/down from 8", "revised ... from 8", "253 and not 359",
//    "rather than / instead of 359". The new figure of the same sentence has
//    none of these before it, so it stays current.
// 3. DISPUTED — another party contests the figure:
//    - the figure is the object of "disputed/contested/denied/refuted/
//      contrary to" ("disputed the president's claim that only six died",
//      "denied that 12 soldiers were killed"), or of "rejected/challenged/
//      questioned/dismissed" + a claim word ("rejected reports that 30 ...");
//      the object ends at a comma, a clause break or words that bring the
//      disputer's own figure ("saying", "put", "the real"), so the
//      counter-figure stays current;
//    - after the figure, a reference back to it: "a figure the opposition
//      disputes", "which police denied", "but activists rejected the toll",
//      "the real number is much higher", "far higher than the official
//      figure of 12" (bound before the figure) — also told in the next
//      sentences ("The figure was disputed by ...");
//    - "X denied any casualties/losses" against a figure whose group is named
//      after X ("one Azerbaijani soldier" ... "Azerbaijan's ministry denied
//      any casualties").
//    "Denied" about something else ("police denied beating her", "denied
//    bail to 12 protesters"), adjectival "the disputed region" and
//    "contradicting reports that ..." (the contradicted figure stands in the
//    annotation) are not disputes.
// 4. SUPERSEDED by report — the clause says the figure was given before:
//    "officials previously said 26 ...", "had earlier said", "initially
//    reported", "an earlier report ... pegged the number at 72". These words
//    also open still-valid statements, so when the caller passes
//    otherFigures the figure is superseded only if the article gives the
//    same category another value (the replacing figure may be told before,
//    as in a lede, or after). Not for a figure right after "to"/"now" ("the
//    toll, previously put at 12, rose to 30": 30 is current) or after "new",
//    "latest", "updated" in the clause.
// 5. CURRENT otherwise.
//
// Cost: every pattern is applied to a bounded window (WINDOW characters each
// side of the figure, NEXT_CHARS of each next sentence) and word gaps are
// bounded ({0,3} words of at most 30 characters), so a call is linear in the
// window whatever the page, with no backtracking blow-up. A sentence of
// thousands of figures (a 2 MB page of them) costs more than the words it
// holds: so each pattern has KEYWORDS, words every match of it contains, and
// a pattern runs over a figure's window only when one of its keywords lies in
// it (their places are listed once per sentence, each window asks by binary
// search). The clauses and numbers of a window are read only when a rule
// asks for them, and what a next sentence tells (its cues, its first number)
// is read once for all the figures before it. None of this changes a status:
// a pattern with none of its words in the window cannot match there.
import { findNumbers } from "./numbers";
import type { ClaimStatus } from "./types";

/** Another figure of the same category in the article. */
export interface OtherFigure {
  value: number;
  /** Whether it comes after this figure in the article. Informational: the replacing figure may be told first (a lede) or later, so the rules use only the value. */
  later: boolean;
}

export interface StatusInput {
  /** The sentence holding the figure. */
  sentence: string;
  /** Offsets of the figure (hedge + number, e.g. "at least 18") inside `sentence`. */
  figureStart: number;
  figureEnd: number;
  /** The sentences after it in the same article (the next 2-3 are enough), for "... was later retracted" told in the next sentence. */
  following: string[];
  /** The other figures of the same category in the article (value and whether they come later), so a figure "previously" given and replaced by a later one can be told. Optional. */
  otherFigures?: OtherFigure[];
}

/** Characters of the sentence read on each side of the figure: cue words further away are not about it. */
const WINDOW = 600;
/** How many next sentences are read, and how much of each. */
const NEXT_SENTENCES = 3;
const NEXT_CHARS = 600;

// A word, bounded so that no pattern can scan far from where it starts.
const W = String.raw`[\w'’-]{1,30}`;
// Up to three words that are not prepositions, conjunctions or reporting verbs,
// so that "the number of protesters who questioned" or "the report said police
// denied" never links a noun to a verb across a phrase boundary.
const GAP = String.raw`(?:(?!(?:of|who|whom|whose|to|in|on|at|from|with|for|and|or|but|after|before|during|over|said|says|say|told|added|stated|reported|noted)\b)${W}\s+){0,3}?`;

// ───────────────────────── keywords ─────────────────────────

// For each group of patterns, words (case aside) of which every match of every
// pattern in the group contains one: where none lies, no pattern of the group
// matches. Kept next to the patterns' words below; a pattern that gains a
// branch must keep its group's words true.
const KEYWORDS = {
  // RETRACTION, and PASSIVE_WITHDRAWAL (its verbs are among these).
  retraction: ["retract", "delet", "remov", "withdr", "took", "take", "taking", "pulled", "walk", "scrubbed", "never", "not", "n't", "n’t", "denied", "mistake", "erro", "wrongly"],
  technical: ["technical"],
  // OLD_FIGURE_BEFORE and FROM_BEFORE.
  oldFigure: ["initial", "earlier", "previous", "original", "prior", "old", "former", "correct", "not", "rather", "instead", "from"],
  // DISPUTE_OBJECT: the verbs of DVERB_OBJECT and DVERB_OTHER.
  disputeVerb: ["disput", "contest", "deni", "deny", "refut", "contrary", "reject", "challeng", "question", "dismiss", "doubt"],
  // DISPUTE_BACK: the verbs, or the comparatives of "the real number is higher".
  disputeBack: ["disput", "contest", "deni", "deny", "refut", "contrary", "reject", "challeng", "question", "dismiss", "doubt", "higher", "lower", "greater", "larger", "bigger"],
  denial: ["deni", "deny"],
  officialFigure: ["than"],
  earlierReport: ["previous", "earlier", "initial", "original", "prior"],
} satisfies Record<string, string[]>;
type KeywordGroup = keyof typeof KEYWORDS;

// Where each keyword starts (the shortest one starting there): a lookahead, so overlapping ones are all found.
const KEYWORD_AT = Object.fromEntries(
  Object.entries(KEYWORDS).map(([group, words]) => [group, new RegExp(`(?=(${[...words].sort((a, b) => a.length - b.length).join("|")}))`, "gi")]),
) as Record<KeywordGroup, RegExp>;

/** A sentence's keyword places by group, listed on first use: each query is a binary search. */
class KeywordIndex {
  private readonly places = new Map<KeywordGroup, { starts: number[]; minEnds: number[] }>();

  constructor(readonly sentence: string) {}

  /** Whether a keyword of `group` lies wholly in sentence.slice(start, end). */
  has(group: KeywordGroup, start: number, end: number): boolean {
    let places = this.places.get(group);
    if (!places) {
      const starts: number[] = [];
      const ends: number[] = [];
      for (const match of this.sentence.matchAll(KEYWORD_AT[group])) {
        starts.push(match.index);
        ends.push(match.index + match[1].length);
      }
      // minEnds[i]: the earliest end of a keyword starting at or after starts[i].
      const minEnds = ends.slice();
      for (let i = minEnds.length - 2; i >= 0; i--) minEnds[i] = Math.min(minEnds[i], minEnds[i + 1]);
      places = { starts, minEnds };
      this.places.set(group, places);
    }
    let lo = 0;
    let hi = places.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (places.starts[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < places.starts.length && places.minEnds[lo] <= end;
  }
}

// The last sentence read: a sentence's figures are read one after another.
let lastIndex: KeywordIndex | null = null;

function keywordIndex(sentence: string): KeywordIndex {
  if (lastIndex?.sentence !== sentence) lastIndex = new KeywordIndex(sentence);
  return lastIndex;
}

// ───────────────────────── clauses ─────────────────────────

// Where a new clause starts: a cue in one clause does not reach a figure in
// another ("Police denied beating her, but 3 people were hurt").
const CLAUSE_BREAK = new RegExp(
  [
    String.raw`;`,
    String.raw`,?\s+(?:but|while|whereas|although|though|however|meanwhile|contradicting|contrary\s+to|correcting)\b`,
    String.raw`,\s+(?:and|saying|adding|noting|insisting|according\s+to|replacing|revising|putting|lowering|raising)\b`,
    String.raw`\s+and\s+(?:said|says|say|added|adds|put|puts|putting|gave|gives)\b`,
  ].join("|"),
  "gi",
);

/** The text a figure's rules read (its window of the sentence, or a next sentence), its clauses and numbers read on first use. */
class Scope {
  private clauses: number[] | null = null;
  private counted: { start: number; end: number }[] | null = null;
  private readonly remembered = new Map<string, unknown>();

  /** `keywords`, when given, tells whether a keyword of the group lies in text.slice(start, end) (see KEYWORDS). */
  constructor(
    readonly text: string,
    private readonly keywords: ((group: KeywordGroup, start: number, end: number) => boolean) | null = null,
  ) {}

  /** Start offset of each clause in text; clauseStarts[0] === 0. */
  get clauseStarts(): number[] {
    if (this.clauses === null) {
      const clauseStarts = [0];
      CLAUSE_BREAK.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = CLAUSE_BREAK.exec(this.text)) !== null) {
        if (match.index > clauseStarts[clauseStarts.length - 1]) clauseStarts.push(match.index);
        if (match[0].length === 0) CLAUSE_BREAK.lastIndex++;
      }
      this.clauses = clauseStarts;
    }
    return this.clauses;
  }

  /** Numbers in text (years left out), for "no other figure in between". */
  get numbers(): { start: number; end: number }[] {
    this.counted ??= countedNumbers(this.text);
    return this.counted;
  }

  /** What a rule read from this scope once, for the next call to ask again (a next sentence is read for every figure before it). */
  remember<T>(key: string, read: () => T): T {
    if (!this.remembered.has(key)) this.remembered.set(key, read());
    return this.remembered.get(key) as T;
  }

  /** False only when no keyword of `group` lies in text.slice(start, end): then none of the group's patterns matches there. */
  mayHold(group: KeywordGroup, start = 0, end = this.text.length): boolean {
    return this.keywords === null || this.keywords(group, Math.max(0, start), Math.min(this.text.length, end));
  }
}

function scopeOf(text: string): Scope {
  return new Scope(text);
}

function clauseIndex(scope: Scope, offset: number): number {
  let index = 0;
  while (index + 1 < scope.clauseStarts.length && scope.clauseStarts[index + 1] <= offset) index++;
  return index;
}

function clauseEnd(scope: Scope, index: number): number {
  return index + 1 < scope.clauseStarts.length ? scope.clauseStarts[index + 1] : scope.text.length;
}

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}\.?\s+$`);
const MONTH_AFTER = new RegExp(String.raw`^\s+(?:of\s+)?${MONTH}\b`);

// Years and days of the month ("on August 16", "16 August") are not figures a
// reference could point to.
function countedNumbers(text: string): { start: number; end: number }[] {
  return findNumbers(text)
    .filter((n) => !(/^\d{4}$/.test(n.text) && n.value >= 1900 && n.value <= 2100))
    .filter((n) => !(/^\d{1,2}$/.test(n.text) && (MONTH_BEFORE.test(text.slice(Math.max(0, n.start - 12), n.start)) || MONTH_AFTER.test(text.slice(n.end, n.end + 14)))))
    .map((n) => ({ start: n.start, end: n.end }));
}

interface Cue {
  start: number;
  end: number;
}

function cues(regex: RegExp, text: string): Cue[] {
  const found: Cue[] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    found.push({ start: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) regex.lastIndex++;
  }
  return found;
}

/**
 * A cue after the figure refers back to it when it sits in the figure's own
 * clause, or in a later clause with no number of a later clause in between
 * ("164 died, but a second post claiming 200 was deleted": not 164).
 */
function refersBack(scope: Scope, fig: Cue, cue: Cue): boolean {
  if (cue.start < fig.end) return false;
  const figClause = clauseIndex(scope, fig.start);
  if (clauseIndex(scope, cue.start) === figClause) return true;
  const figClauseEnd = clauseEnd(scope, figClause);
  return !scope.numbers.some((n) => n.start >= figClauseEnd && n.start < cue.start);
}

function sameClause(scope: Scope, a: number, b: number): boolean {
  return clauseIndex(scope, a) === clauseIndex(scope, b);
}

// Next sentences read lately (by the whole sentence, the string every figure before it passes), each read once for all those figures.
const nextScopes = new Map<string, Scope>();

function nextScope(full: string): Scope {
  let scope = nextScopes.get(full);
  if (!scope) {
    if (nextScopes.size >= 32) nextScopes.clear();
    scope = scopeOf(full.slice(0, NEXT_CHARS));
    nextScopes.set(full, scope);
  }
  return scope;
}

/** The next sentences up to (not including) the first that gives a number before its cue. */
function nextSentencesWith(following: string[], find: (sentence: Scope) => Cue | null): boolean {
  for (const full of following.slice(0, NEXT_SENTENCES)) {
    const sentence = nextScope(full);
    const cue = find(sentence);
    const firstNumber = sentence.numbers[0];
    if (cue && (!firstNumber || firstNumber.start > cue.start)) return true;
    if (firstNumber) return false; // the next sentence talks about its own figure
  }
  return false;
}

// ───────────────────────── 1. retracted ─────────────────────────

// Things a withdrawal is about.
const REF = String.raw`(?:posts?|messages?|tweets?|publication|entry|statements?|reports?|figures?|data|numbers?|toll|tally|count|information|claims?|update|bulletin|announcement|article|story|video)`;
const DET_WORDS = String.raw`(?:(?!(?:from|of|to|in|on|at|by|with|for|after|before|over|during|and|or)\b)${W}\s+){0,3}`;
const PASSIVE_AUX = String.raw`(?:(?:was|were|has|have|had|been|is|are|later|since|quickly|subsequently|then|also|soon|swiftly|promptly|immediately|now)\s+){0,4}`;

const RETRACTION = new RegExp(
  [
    String.raw`\bretract(?:ed|s|ing|ion)?\b`,
    String.raw`\b(?:since|now|later)[-\s]deleted\b`,
    // "deleted an earlier message", "withdrew the figure", "took down the post"
    String.raw`\b(?:deleted|deletes|deleting|delete|removed|removes|removing|withdrew|withdraws|withdrawing|withdrawn|withdraw|took\s+down|takes\s+down|taken\s+down|taking\s+down|pulled|walked\s+back|walks\s+back)\s+${DET_WORDS}${REF}\b`,
    // "the post was later deleted"
    String.raw`\b${REF}\s+${PASSIVE_AUX}(?:deleted|removed|withdrawn|taken\s+down|pulled|scrubbed|walked\s+back)\b`,
    String.raw`\b(?:never|not|n['’]t)\s+(?:ever\s+)?(?:provided|provide|given|give|gave|released|release|issued|issue|published|publish)\s+(?:such|these|those|this|that|any\s+such)\s+(?:data|figures?|numbers?|information|statistics)\b`,
    String.raw`\bdenied\s+(?:ever\s+)?(?:publishing|posting|releasing|issuing|providing|giving|sharing|having\s+(?:published|posted|released|issued|provided))\b`,
    String.raw`\b(?:published|posted|released|issued|shared|sent|reported|announced)\s+(?:by\s+mistake|in\s+error|erroneously|mistakenly)\b`,
    String.raw`\b(?:mistakenly|erroneously|wrongly)\s+(?:published|posted|released|issued|shared|sent)\b`,
    String.raw`\berroneous\s+(?:${W}\s+)?${REF}\b`,
    String.raw`\b${REF}\s+(?:(?:was|were|is|are|had|has|been|proved|turned\s+out\s+to\s+be|later|entirely)\s+){1,3}(?:erroneous|a\s+mistake|an\s+error)\b`,
  ].join("|"),
  "gi",
);
// Only a withdrawal when a post/figure word is in the same clause.
const TECHNICAL_ERROR = /\btechnical\s+(?:error|glitch|failure|mistake|fault|malfunction)\b/gi;
const REF_WORD = new RegExp(String.raw`\b${REF}\b`, "i");
// "It was later deleted." in the next sentence.
const PRONOUN_RETRACTION = new RegExp(String.raw`\b(?:it|this|they)\s+${PASSIVE_AUX}(?:deleted|removed|withdrawn|taken\s+down|pulled)\b`, "gi");

// "The statement reporting 64 deaths was withdrawn": the participle, with the
// post word heading the figure's phrase (see passiveWithdrawalOf).
const PASSIVE_WITHDRAWAL = /\b(?:was|were|been|is|are)\s+(?:(?:later|since|quickly|subsequently|then|also|soon|swiftly|promptly|immediately|now)\s+){0,2}(?:deleted|removed|withdrawn|taken\s+down|pulled|scrubbed)\b/gi;
const REF_HEADS_FIGURE = new RegExp(String.raw`\b${REF}\s+[^,;]{0,60}$`, "i");

/** A passive withdrawal after the figure whose subject is a post word before it, with no comma in the way. */
function passiveWithdrawalOf(scope: Scope, fig: Cue): boolean {
  if (!REF_HEADS_FIGURE.test(scope.text.slice(Math.max(0, fig.start - 80), fig.start)) || !scope.mayHold("retraction")) return false;
  return cues(PASSIVE_WITHDRAWAL, scope.text).some(
    (cue) => cue.start >= fig.end && cue.start - fig.end <= 120 && !/[,;]/.test(scope.text.slice(fig.end, cue.start)),
  );
}

function retractionCues(scope: Scope): Cue[] {
  const found = scope.mayHold("retraction") ? cues(RETRACTION, scope.text) : [];
  if (!scope.mayHold("technical")) return found;
  for (const cue of cues(TECHNICAL_ERROR, scope.text)) {
    const index = clauseIndex(scope, cue.start);
    if (REF_WORD.test(scope.text.slice(scope.clauseStarts[index], clauseEnd(scope, index)))) found.push(cue);
  }
  return found;
}

function retractedHere(scope: Scope, fig: Cue): boolean {
  if (passiveWithdrawalOf(scope, fig)) return true;
  return retractionCues(scope).some((cue) => sameClause(scope, cue.start, fig.start) || refersBack(scope, fig, cue));
}

function retractionInNext(scope: Scope): Cue | null {
  return scope.remember("retraction", () => {
    const found = [...retractionCues(scope), ...cues(PRONOUN_RETRACTION, scope.text)];
    return found.length ? found.reduce((a, b) => (b.start < a.start ? b : a)) : null;
  });
}

// ───────────────────────── 2. superseded, bound ─────────────────────────

const OLD_FIGURE_BEFORE = new RegExp(
  "(?:" +
    [
    // "the initial death toll of", "the earlier reported toll of", "the earlier figure of"
    String.raw`\b(?:initial|initially|earlier|previous|previously|original|originally|prior|old|former)\s+(?:(?!(?:of|at|to|from)\b)${W}\s+){0,3}(?:toll|figures?|count|tally|estimates?|number|total|reports?|statement)\s+(?:(?:of|at|was|were|stood\s+at|had\s+been|put\s+at|as|:)\s+)?(?:only\s+|just\s+)?`,
    // "correcting the toll of 72"
    String.raw`\bcorrect(?:ing|ed|s)?\s+(?:(?!of\b)${W}\s+){0,3}(?:toll|figures?|count|tally|number|total|reports?)\s+(?:of\s+)?`,
    // "253 and not 359", "rather than 359"
    String.raw`\b(?:(?:and|but)\s+not|rather\s+than|instead\s+of)\s+`,
    ].join("|") +
    ")$",
  "i",
);
const FROM_BEFORE = /\bfrom\s+$/i;
// A change of figure: "rose from 8", "up from 8", "revised the toll down from 72".
const CHANGE_WORD = /\b(?:rose|risen|rising|rises|climbed|climbing|jumped|increased|increasing|grew|grown|soared|surged|went|gone|revised|revising|raised|raising|lowered|lowering|reduced|reducing|cut|fell|fallen|dropped|decreased|corrected|correcting|updated|updating|changed|upgraded|downgraded|doubled|tripled|escalated|up|down|upward|upwards|downward|downwards)\b/i;

function supersededBound(scope: Scope, fig: Cue): boolean {
  if (!scope.mayHold("oldFigure", fig.start - 120, fig.start)) return false;
  const clauseStart = scope.clauseStarts[clauseIndex(scope, fig.start)];
  const before = scope.text.slice(Math.max(clauseStart, fig.start - 120), fig.start);
  if (OLD_FIGURE_BEFORE.test(before)) return true;
  if (FROM_BEFORE.test(before)) {
    const lead = scope.text.slice(Math.max(clauseStart, fig.start - 90), fig.start);
    return CHANGE_WORD.test(lead.slice(0, lead.length - FROM_BEFORE.exec(lead)![0].length));
  }
  return false;
}

// ───────────────────────── 3. disputed ─────────────────────────

const DVERB_OBJECT = String.raw`(?:disputed|disputes|disputing|dispute|contested|contests|contesting|contest|denied|denies|denying|deny|refuted|refutes|refuting|refute|contrary\s+to)`;
const DVERB_OTHER = String.raw`(?:rejected|rejects|rejecting|reject|challenged|challenges|challenging|challenge|questioned|questions|questioning|question|dismissed|dismisses|dismissing|dismiss|doubted|doubts|doubting|doubt)`;
// What is contested when the figure follows ("rejected reports that 30 ...").
const DREF_ALL = String.raw`(?:figures?|tolls?|(?<!\ba\s)numbers?|counts?|tally|tallies|estimates?|statistics|data|claims?|reports?|accounts?|assertions?|version|allegations?)`;
// What refers back to a figure already given ("rejected the toll"); not
// "claims/reports", which are as often about other things ("rejected reports of torture").
const DREF_NUM = String.raw`(?:figures?|tolls?|(?<!\ba\s)numbers?|counts?|tally|tallies|estimates?|statistics|data)`;
const ABOUT = String.raw`(?:(?:the\s+)?(?:accuracy|veracity|credibility|reliability|validity)\s+of\s+)?`;

// The figure as the verb's object: "disputed the claim that six died".
const DISPUTE_OBJECT = new RegExp(String.raw`\b(?:${DVERB_OBJECT}|${DVERB_OTHER}\s+${ABOUT}${GAP}${DREF_ALL})\b`, "gi");
// After the figure, pointing back: "a figure the opposition disputes", "which police denied".
const DISPUTE_BACK = new RegExp(
  [
    String.raw`\b(?:${DREF_NUM}|which)\s+${GAP}(?:${DVERB_OBJECT}|${DVERB_OTHER})\b`,
    String.raw`\b(?:${DVERB_OBJECT}|${DVERB_OTHER})\s+${ABOUT}${GAP}${DREF_NUM}\b`,
    String.raw`\b(?:${DVERB_OBJECT}|${DVERB_OTHER})\s+(?:it|this)\b(?=\s*(?:[.,;!?]|$))`,
    // "the real number is much higher"
    String.raw`\b(?:real|actual|true)\s+(?:death\s+)?(?:numbers?|toll|figures?|count|tally)\b(?:\s+${W}){0,5}?\s+(?:higher|lower|greater|larger|bigger)\b`,
  ].join("|"),
  "gi",
);
// "far higher than the official figure of 12", "contrary to the government's claim of 12" is DISPUTE_OBJECT.
const OFFICIAL_FIGURE_BEFORE = new RegExp(
  String.raw`\b(?:higher|greater|larger|more|lower)\s+than\s+(?:the\s+)?(?:official|officially|government['’]?s?|authorities['’]?|reported)\s+${GAP}(?:figures?|toll|count|tally|numbers?|claims?)\s+(?:of\s+)?$`,
  "i",
);
// Ends the object: the disputer's own figure follows.
const OBJECT_END = /[,;:]|\b(?:saying|said|says|say|put|puts|putting|insist\w*|argu\w*|estimat\w*|counted|counts|instead|real|actual|true|own|new|latest)\b/i;
// "the disputed region", "a contested election": an adjective, not a dispute,
// unless the noun is the figure ("the disputed figure of 12").
const ADJECTIVE_BEFORE = /\b(?:the|a|an|this|that|its|their|his|her|in|of|hotly|long|fiercely|heavily|highly|much)\s+$/i;
const REF_AFTER = new RegExp(String.raw`^\s+${DREF_NUM}\b`, "i");
// "denied bail to 12 protesters", "denied them access": no dispute of a figure.
const DENIED_OTHER = /^\s+(?:bail|access|entry|permission|visits?|visitation|medical|treatment|food|water|rights?|the\s+right|them|him|her|us|me|legal|lawyers?|counsel|passage|care|aid|asylum|registration|a\s+permit|permits?)\b/i;

const STARTS_WITH_VERB = new RegExp(String.raw`^(?:${DVERB_OBJECT}|${DVERB_OTHER})\b`, "i");

/** False for a cue opening with a dispute verb that is an adjective or a denial of something else. */
function isDisputeVerb(text: string, cue: Cue): boolean {
  const verb = STARTS_WITH_VERB.exec(text.slice(cue.start, cue.end));
  if (!verb) return true; // "a figure the ministry disputes", "the real number ...": the verb comes last or not at all
  const verbEnd = cue.start + verb[0].length;
  if (ADJECTIVE_BEFORE.test(text.slice(Math.max(0, cue.start - 12), cue.start)) && !REF_AFTER.test(text.slice(verbEnd, verbEnd + 40))) {
    return false;
  }
  if (/^den/i.test(verb[0]) && DENIED_OTHER.test(text.slice(verbEnd, verbEnd + 30))) return false;
  return true;
}

function disputedAsObject(scope: Scope, fig: Cue): boolean {
  if (!scope.mayHold("disputeVerb")) return false;
  return cues(DISPUTE_OBJECT, scope.text).some((cue) => {
    if (cue.end > fig.start || fig.start - cue.end > 200 || !sameClause(scope, cue.start, fig.start)) return false;
    if (!isDisputeVerb(scope.text, cue)) return false;
    return !OBJECT_END.test(scope.text.slice(cue.end, fig.start));
  });
}

function disputeBackCues(scope: Scope): Cue[] {
  if (!scope.mayHold("disputeBack")) return [];
  return cues(DISPUTE_BACK, scope.text).filter((cue) => isDisputeVerb(scope.text, cue));
}

// ── "X denied any casualties" against X's own people ──

const DENIED_LOSSES = new RegExp(String.raw`\bden(?:ied|ies|y|ying)\s+(?:${W}\s+){0,3}?(?:casualties|losses|fatalities|deaths)\b`, "gi");
const CAPITALISED = /\b[A-Z][A-Za-z]{2,}(?:['’]s)?/g;

function stem(word: string): string {
  return word.replace(/['’]s$/, "").toLowerCase();
}

// "Azerbaijani" ~ "Azerbaijan's", "Ukrainian" ~ "Ukraine", "Iranian" ~ "Iran".
function sameParty(a: string, b: string): boolean {
  const x = stem(a);
  const y = stem(b);
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return common >= 4 && common >= Math.min(x.length, y.length) - 1;
}

// Capitalised only for opening the sentence.
const NOT_A_PARTY = /^(?:The|A|An|In|On|At|By|Its|Their|His|Her|It|They|He|She|This|That|Both|But|And|After|Before|During|While|When|Since|Also|Referring|According|Meanwhile|However|Later|Earlier|Separately|Asked|Speaking|Citing)$/;

/** The first capitalised word of the denial's clause: the party that denies. */
function denier(scope: Scope, cue: Cue): string | null {
  const start = scope.clauseStarts[clauseIndex(scope, cue.start)];
  const zone = scope.text.slice(start, cue.start);
  CAPITALISED.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CAPITALISED.exec(zone)) !== null) {
    if (!NOT_A_PARTY.test(match[0])) return match[0];
  }
  return null;
}

/** Capitalised words in the figure's noun phrase ("one Azerbaijani soldier"). */
function figureParties(sentence: string, figEnd: number): string[] {
  const after = sentence.slice(figEnd, figEnd + 40).split(/\s+/).slice(0, 4);
  return after.filter((w) => /^[A-Z][A-Za-z]{2,}/.test(w)).map((w) => w.replace(/[^A-Za-z'’]+$/, ""));
}

function deniedLossesOf(scope: Scope, parties: string[]): Cue | null {
  if (parties.length === 0 || !scope.mayHold("denial")) return null;
  const denials = scope.remember("denials", () => cues(DENIED_LOSSES, scope.text).map((cue) => ({ cue, who: denier(scope, cue) })));
  for (const { cue, who } of denials) {
    if (who && parties.some((p) => sameParty(p, who))) return cue;
  }
  return null;
}

function disputedHere(scope: Scope, fig: Cue, parties: string[]): boolean {
  if (disputedAsObject(scope, fig)) return true;
  if (scope.mayHold("officialFigure", fig.start - 120, fig.start)) {
    const clauseStart = scope.clauseStarts[clauseIndex(scope, fig.start)];
    if (OFFICIAL_FIGURE_BEFORE.test(scope.text.slice(Math.max(clauseStart, fig.start - 120), fig.start))) return true;
  }
  if (disputeBackCues(scope).some((cue) => refersBack(scope, fig, cue))) return true;
  const denial = deniedLossesOf(scope, parties);
  return denial !== null && refersBack(scope, fig, denial);
}

function disputeInNext(scope: Scope, parties: string[]): Cue | null {
  const back = scope.remember("back", () => disputeBackCues(scope).filter((cue) => !/^which\b/i.test(scope.text.slice(cue.start, cue.start + 5))));
  const denial = deniedLossesOf(scope, parties);
  const found = denial ? [...back, denial] : back;
  return found.length ? found.reduce((a, b) => (b.start < a.start ? b : a)) : null;
}

// ───────────────────────── 4. superseded by report ─────────────────────────

const REPORT_VERB = String.raw`(?:said|says|say|reported|reports|put|puts|gave|given|acknowledged|admitted|announced|stated|estimated|confirmed|claimed|cited|recorded|counted|listed|pegged|published|released|told|declared|registered|documented|tallied|indicated)`;
const EARLIER_REPORT = new RegExp(
  [
    // "previously said", "had earlier said", "have previously been reported"
    String.raw`\b(?:previously|earlier|initially|originally)\s+(?:(?:had|have|has|been|also|publicly|officially|widely|only)\s+){0,2}${REPORT_VERB}\b`,
    // "said previously", "reported initially" ("said earlier" is too often "earlier today")
    String.raw`\b${REPORT_VERB}\s+(?:previously|initially|originally)\b`,
    // "an earlier report", "the ministry's previous statement". Not a bare
    // "Previously, ..." opening: that narrates a past event ("Previously, a
    // quake killed 12"), not an earlier figure.
    String.raw`\b(?:an?|the|its|their|his|her|[\w-]{1,30}['’]s)\s+(?:earlier|previous|initial|original|prior)\s+(?:(?!of\b)${W}\s+){0,2}?(?:reports?|statements?|estimates?|figures?|counts?|tally|toll|bulletin|update|assessment|announcement|data|numbers)\b`,
  ].join("|"),
  "gi",
);
// The figure is the new one: "rose to 30", "now 30".
const NEW_FIGURE_BEFORE = /\b(?:to|now)\s+$/i;
const NEW_WORD = /\b(?:new|latest|updated|revised|current|now|final)\b/i;

function supersededByReport(scope: Scope, fig: Cue): boolean {
  if (NEW_FIGURE_BEFORE.test(scope.text.slice(Math.max(0, fig.start - 8), fig.start)) || !scope.mayHold("earlierReport")) return false;
  return cues(EARLIER_REPORT, scope.text).some(
    (cue) => cue.end <= fig.start && sameClause(scope, cue.start, fig.start) && !NEW_WORD.test(scope.text.slice(cue.end, fig.start)),
  );
}

function replacedElsewhere(input: StatusInput): boolean {
  if (!input.otherFigures) return true; // the words alone decide
  const own = findNumbers(input.sentence.slice(input.figureStart, input.figureEnd))[0];
  return input.otherFigures.some((o) => !own || o.value !== own.value);
}

// ───────────────────────── entry ─────────────────────────

export function readStatus(input: StatusInput): ClaimStatus {
  const length = input.sentence.length;
  const figureStart = Math.min(Math.max(0, input.figureStart), length);
  const figureEnd = Math.min(Math.max(figureStart, input.figureEnd), length);
  const from = Math.max(0, figureStart - WINDOW);
  const text = input.sentence.slice(from, Math.min(length, figureEnd + WINDOW));
  const keywords = keywordIndex(input.sentence);
  const scope = new Scope(text, (group, start, end) => keywords.has(group, from + start, from + end));
  const fig: Cue = { start: figureStart - from, end: figureEnd - from };
  const following = input.following ?? [];

  if (retractedHere(scope, fig) || nextSentencesWith(following, retractionInNext)) return "RETRACTED";
  if (supersededBound(scope, fig)) return "SUPERSEDED";
  const parties = figureParties(text, fig.end);
  if (disputedHere(scope, fig, parties) || nextSentencesWith(following, (s) => disputeInNext(s, parties))) return "DISPUTED";
  if (supersededByReport(scope, fig) && replacedElsewhere(input)) return "SUPERSEDED";
  return "CURRENT";
}
