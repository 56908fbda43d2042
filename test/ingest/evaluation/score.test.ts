// Scoring rules of the extraction evaluation on invented claims: one-to-one
// matching, WOUNDED/INJURED, ties broken by place, a maximum matching, the
// per-field counts, non-claims taken and refused pages.
import type { GoldClaim, GoldPage } from "../../../src/ingest/evaluation/gold";
import {
  matchClaims,
  maxWeightMatching,
  notClaimNumbers,
  placesMatch,
  precision,
  recall,
  scorePage,
  totalScore,
  type PageExtraction,
  type ScoredClaim,
} from "../../../src/ingest/evaluation/score";

function gold(overrides: Partial<GoldClaim> = {}): GoldClaim {
  return {
    category: "KILLED",
    group: "ALL",
    qualifier: "EXACT",
    low: 7,
    best: 7,
    high: 7,
    claimant: "Interior Ministry",
    claimantKind: "GOVERNMENT",
    place: null,
    status: "current",
    subgroup: null,
    sentence: null,
    ...overrides,
  };
}

function claim(overrides: Partial<ScoredClaim> = {}): ScoredClaim {
  return {
    category: "KILLED",
    affectedGroup: "ALL",
    qualifier: "EXACT",
    low: 7,
    best: 7,
    high: 7,
    claimant: { name: "Ministry of Internal Affairs", kind: "GOVERNMENT" },
    status: "CURRENT",
    quote: "Seven people were killed, the ministry said.",
    placeName: null,
    increment: false,
    ...overrides,
  };
}

function page(claims: GoldClaim[], notClaims: string[] = [], publishedAt: string | null = null): GoldPage {
  return { id: "p1", url: "https://example.test/a", title: null, publishedAt, claims, notClaims: notClaims.map((text) => ({ text, why: null })) };
}

function extraction(claims: ScoredClaim[], refused: string | null = null): PageExtraction {
  return { id: "p1", refused, article: refused ? null : { headline: "A headline", publishedAt: null, publisher: null, language: "en" }, claims };
}

describe("matching", () => {
  it("matches one to one: a figure extracted twice counts once", () => {
    const score = scorePage(page([gold()]), extraction([claim(), claim()]));
    expect(score.pairs).toHaveLength(1);
    expect(score.unmatchedExtracted).toHaveLength(1);
    expect(recall(score.pairs.length, score.gold)).toBe(1);
    expect(precision(score.pairs.length, score.extracted)).toBe(0.5);
  });

  it("takes WOUNDED and INJURED for one another, and no other category", () => {
    expect(matchClaims("full", [claim({ category: "WOUNDED" })], [gold({ category: "INJURED" })])).toHaveLength(1);
    expect(matchClaims("full", [claim({ category: "INJURED" })], [gold({ category: "WOUNDED" })])).toHaveLength(1);
    expect(matchClaims("full", [claim({ category: "HOSPITALIZED" })], [gold({ category: "INJURED" })])).toHaveLength(0);
    expect(matchClaims("full", [claim({ category: "KILLED" })], [gold({ category: "INJURED" })])).toHaveLength(0);
  });

  it("needs group, best figure and claimant for a full match; relaxed drops the claimant, figure only the group too", () => {
    const g = [gold({ group: "CIVILIANS" })];
    const wrongClaimant = claim({ affectedGroup: "CIVILIANS", claimant: { name: "Health Ministry", kind: "GOVERNMENT" } });
    expect(matchClaims("full", [wrongClaimant], g)).toHaveLength(0);
    expect(matchClaims("relaxed", [wrongClaimant], g)).toHaveLength(1);
    const wrongGroup = claim({ affectedGroup: "ALL" });
    expect(matchClaims("relaxed", [wrongGroup], g)).toHaveLength(0);
    expect(matchClaims("figure", [wrongGroup], g)).toHaveLength(1);
    expect(matchClaims("figure", [claim({ best: 8 })], g)).toHaveLength(0);
  });

  it("breaks ties between otherwise equal gold claims by place", () => {
    const golds = [gold({ best: 1, place: "Eastbrook" }), gold({ best: 1, place: "Westfield" }), gold({ best: 1, place: "Northvale town" })];
    const extracted = [claim({ best: 1, placeName: "Northvale" }), claim({ best: 1, placeName: "Westfield" }), claim({ best: 1, placeName: "Eastbrook" })];
    const score = scorePage(page(golds), extraction(extracted));
    expect(score.pairs).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
    expect(score.fields.place).toEqual({ right: 3, total: 3 });
  });

  it("finds the maximum matching where a greedy first choice would lose a pair", () => {
    // Extracted 0 fits both gold claims, extracted 1 only gold 0.
    expect(maxWeightMatching([
      [5, 5],
      [5, 0],
    ])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(maxWeightMatching([[0, 0]])).toEqual([]);
    expect(maxWeightMatching([])).toEqual([]);
    expect(maxWeightMatching([[3], [9], [4]])).toEqual([[1, 0]]);
    const golds = [gold({ category: "INJURED", best: 4 }), gold({ category: "WOUNDED", best: 4, claimant: "Health Ministry" })];
    const extracted = [claim({ category: "WOUNDED", best: 4, claimant: { name: "Ministry of Health", kind: "GOVERNMENT" } }), claim({ category: "INJURED", best: 4 })];
    expect(matchClaims("relaxed", extracted, golds)).toHaveLength(2);
    expect(matchClaims("full", extracted, golds)).toHaveLength(2);
  });

  it("compares places after normalising case, articles, place words and country names", () => {
    expect(placesMatch(null, null)).toBe(true);
    expect(placesMatch("", null)).toBe(true);
    expect(placesMatch("Almaty", null)).toBe(false);
    expect(placesMatch(null, "Almaty")).toBe(false);
    expect(placesMatch("the city of Northvale", "Northvale")).toBe(true);
    expect(placesMatch("Republic of Turkey", "Turkey")).toBe(true);
    expect(placesMatch("Upper Town", "Upper Town (Old Quarter)")).toBe(true);
    expect(placesMatch("Old Quarter", "Upper Town (Old Quarter)")).toBe(true);
    expect(placesMatch("Eastbrook", "Westfield")).toBe(false);
  });
});

describe("per-page score", () => {
  it("counts an unmatched claim whose figure is a listed non-claim, in digits or in words", () => {
    const p = page([gold()], ["1,200 troops", "twenty-one buses", "55 out of 79 hospitals"]);
    expect([...notClaimNumbers(p)].sort((a, b) => a - b)).toEqual([21, 55, 79, 1200]);
    const score = scorePage(p, extraction([claim(), claim({ best: 1200, low: 1200, high: 1200 }), claim({ best: 21 }), claim({ best: 300 })]));
    expect(score.nonClaimsTaken).toBe(2);
    expect(score.unmatchedExtracted.map((u) => [u.claim.best, u.nonClaim])).toEqual([
      [1200, true],
      [21, true],
      [300, false],
    ]);
  });

  it("does not count a non-claim number that a gold claim also has when the claim matches", () => {
    const score = scorePage(page([gold({ best: 12 })], ["12 vehicles"]), extraction([claim({ best: 12 })]));
    expect(score.pairs).toHaveLength(1);
    expect(score.nonClaimsTaken).toBe(0);
  });

  it("scores qualifier, low/high, status and place over the matched claims only", () => {
    const golds = [
      gold({ qualifier: "AT_LEAST", low: 7, high: null, status: "superseded" }),
      gold({ best: 30, low: 30, high: 30, qualifier: "INCREMENT" }),
      gold({ best: 2, low: 2, high: 2, status: "disputed" }),
      gold({ best: 99, status: "retracted" }),
    ];
    const extracted = [
      claim({ qualifier: "AT_LEAST", low: 7, high: null, status: "SUPERSEDED" }),
      claim({ best: 30, low: 30, high: 30, increment: true }),
      claim({ best: 2, low: 0, high: 2, qualifier: "UP_TO" }),
    ];
    const score = scorePage(page(golds), extraction(extracted));
    expect(score.pairs).toHaveLength(3);
    expect(score.fields.qualifier).toEqual({ right: 2, total: 3 });
    expect(score.fields.lowHigh).toEqual({ right: 2, total: 3 });
    expect(score.fields.status).toEqual({ right: 2, total: 3 });
    expect(score.fields.nonCurrentStatus).toEqual({ right: 1, total: 2 });
    expect(score.nonCurrentGold).toBe(3);
    expect(score.unmatchedGold.map((u) => u.claim.best)).toEqual([99]);
  });

  it("says why a gold claim with an extracted figure did not match", () => {
    const score = scorePage(page([gold({ group: "PROTESTERS" })]), extraction([claim({ claimant: { name: "Unattributed", kind: "UNATTRIBUTED" } })]));
    expect(score.unmatchedGold[0].near).toEqual(['group ALL, claimant "Unattributed"']);
  });

  it("counts a refused page: its gold claims are missed, nothing is extracted", () => {
    const refused = scorePage(page([gold(), gold({ best: 3 })], [], "2031-05-06"), extraction([claim()], "No article found"));
    expect(refused).toMatchObject({ refused: "No article found", gold: 2, extracted: 0, pairs: [], headlinePresent: false, publishedAtRight: false });
    const fine = scorePage(page([gold()]), extraction([claim()]));
    const total = totalScore([refused, fine]);
    expect(total).toMatchObject({ pages: 2, refused: 1, gold: 3, extracted: 1, full: 1 });
    expect(recall(total.full, total.gold)).toBeCloseTo(1 / 3);
    expect(total.headlinePresent).toEqual({ right: 1, total: 2 });
    expect(total.publishedAt).toEqual({ right: 0, total: 1 });
  });

  it("uses the page's gold to tie a named official to their body", () => {
    const golds = [gold({ claimant: "Westland Police" }), gold({ best: 3, claimant: "Westland Police (Ravi Kumar)" })];
    const score = scorePage(page(golds), extraction([claim({ claimant: { name: "Ravi Kumar", kind: "PERSON" } })]));
    expect(score.pairs).toEqual([[0, 0]]);
  });
});
