// Casualty and detention claims out of article text: the seed article's five
// reference claims, then wire, state-media, aggregator and local-outlet
// wording, then numbers that must never become claims.
import fs from "node:fs";
import path from "node:path";
import { CLAIMANT_ALIASES, extractClaims, type ExtractClaimsOptions } from "../../src/ingest/extract-claims";
import { figureRange, findFigures, parseNumber } from "../../src/ingest/numbers";
import type { ExtractedClaim } from "../../src/ingest/types";

const KZ: ExtractClaimsOptions = { countryName: "Kazakhstan" };

type Expected = Partial<Omit<ExtractedClaim, "claimant">> & { claimant?: { name: string; kind: string } };

/** Claims of a body; every quote must be the exact slice its offsets name. */
function extract(body: string, options: ExtractClaimsOptions = KZ): ExtractedClaim[] {
  const claims = extractClaims(body, options);
  for (const claim of claims) {
    expect(body.slice(claim.quoteStart, claim.quoteEnd)).toBe(claim.quote);
    expect(claim.confidence).toBeGreaterThan(0);
    expect(claim.confidence).toBeLessThanOrEqual(1);
  }
  return claims;
}

function expectClaims(body: string, expected: Expected[], options: ExtractClaimsOptions = KZ): ExtractedClaim[] {
  const claims = extract(body, options);
  expect(claims.map((c) => c.figureText)).toEqual(expected.map((e) => e.figureText));
  expected.forEach((e, i) => expect(claims[i]).toMatchObject(e));
  return claims;
}

const UN = { name: "United Nations", kind: "INTERNATIONAL_ORGANIZATION" };
const MVD_KZ = { name: "Ministry of Internal Affairs of Kazakhstan", kind: "GOVERNMENT" };
const HEALTH_KZ = { name: "Ministry of Health of Kazakhstan", kind: "GOVERNMENT" };
const MEDIA_REPORTS = { name: "Media reports", kind: "UNATTRIBUTED" };
const UNATTRIBUTED = { name: "Unattributed", kind: "UNATTRIBUTED" };

describe("the seed article (prisma/seed/kazakhstan-2022.json)", () => {
  const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "../../prisma/seed/kazakhstan-2022.json"), "utf8"));
  const article = seed.articles[0];
  const kinds = new Map<string, string>(seed.claimants.map((c: { name: string; kind: string }) => [c.name, c.kind]));

  test("gives exactly the five reference claims, field for field", () => {
    const claims = extract(article.body, KZ);
    const expected = article.casualtyStatistics.map((s: Record<string, unknown>) => ({
      category: s.category,
      affectedGroup: s.affectedGroup,
      affectedGroupText: s.affectedGroupText,
      qualifier: s.qualifier,
      figureText: s.figureText,
      low: s.low,
      best: s.best,
      high: s.high,
      claimant: { name: s.claimant, kind: kinds.get(s.claimant as string) },
      via: null,
      status: "CURRENT",
      placeName: null,
      subgroup: null,
      increment: false,
      quote: s.quote,
      quoteStart: s.quoteStart,
      quoteEnd: s.quoteEnd,
    }));
    expect(claims.map(({ confidence: _confidence, ...rest }) => rest)).toEqual(expected);
  });

  test("reads nothing out of the population of Almaty or any other number of the body", () => {
    const claims = extract(article.body, KZ);
    expect(claims.some((c) => /2 million/.test(c.figureText))).toBe(false);
    expect(claims.every((c) => c.quoteStart >= 1762)).toBe(true);
    expect(extract("The peacekeepers arrived in Almaty, the focal point of the unrest, to guard the airport and other key infrastructure in the city of around 2 million people.")).toEqual([]);
  });

  test("confidence follows the documented rule", () => {
    expect(extract(article.body, KZ).map((c) => c.confidence)).toEqual([0.9, 0.9, 0.8, 0.7, 0.8]);
  });

  test("without a country, the ministry keeps its normalised name; aliases can rename it", () => {
    const sentence = "The Interior Ministry said that at least 18 police officers and military personnel have died, with over 1,300 wounded.";
    expect(extract(sentence, {}).map((c) => c.claimant)).toEqual([
      { name: "Interior Ministry", kind: "GOVERNMENT" },
      { name: "Interior Ministry", kind: "GOVERNMENT" },
    ]);
    expect(extract(sentence, { claimantAliases: { "interior ministry": "MVD RK" } })[0].claimant.name).toBe("MVD RK");
    expect(extract(sentence, { countryName: "Kazakhstan", claimantAliases: { "Ministry of Internal Affairs of Kazakhstan": "MVD RK" } })[0].claimant.name).toBe("MVD RK");
  });
});

describe("figures and the low/best/high rule", () => {
  test("figureRange implements the seed _rules table for every qualifier", () => {
    expect(figureRange("EXACT", 18)).toEqual({ low: 18, best: 18, high: 18 });
    for (const q of ["AROUND", "AT_LEAST", "OVER", "MORE_THAN", "EXCEEDED"] as const) expect(figureRange(q, 1300)).toEqual({ low: 1300, best: 1300, high: null });
    expect(figureRange("UP_TO", 50)).toEqual({ low: 0, best: 50, high: 50 });
    expect(figureRange("DOZENS", 0)).toEqual({ low: 12, best: 12, high: null });
    expect(figureRange("SEVERAL_DOZEN", 0)).toEqual({ low: 24, best: 24, high: null });
    expect(figureRange("HUNDREDS", 0)).toEqual({ low: 100, best: 100, high: null });
    expect(figureRange("SEVERAL_HUNDRED", 0)).toEqual({ low: 200, best: 200, high: null });
    expect(figureRange("THOUSANDS", 0)).toEqual({ low: 1000, best: 1000, high: null });
  });

  test("numbers in digits and words", () => {
    expect(parseNumber("1,300")).toBe(1300);
    expect(parseNumber("1 300")).toBe(1300);
    expect(parseNumber("1\u00a0300")).toBe(1300);
    expect(parseNumber("1.300")).toBe(1300);
    expect(parseNumber("1.5 thousand")).toBe(1500);
    expect(parseNumber("2 million")).toBe(2_000_000);
    expect(parseNumber("2.5")).toBeNull();
    expect(parseNumber("eighteen")).toBe(18);
    expect(parseNumber("twenty-one")).toBe(21);
    expect(parseNumber("two hundred")).toBe(200);
    expect(parseNumber("a thousand")).toBe(1000);
    expect(parseNumber("one hundred and sixty-four")).toBe(164);
    expect(parseNumber("two thousand five hundred")).toBe(2500);
    expect(parseNumber("a dozen")).toBe(12);
    expect(parseNumber("half a dozen")).toBe(6);
    expect(parseNumber("dozens")).toBe(12);
    expect(parseNumber("hundreds of thousands")).toBeNull();
  });

  test("hedges are kept as printed and set the qualifier", () => {
    const figures = (text: string) => findFigures(text).map((f) => [f.figureText, f.qualifier, f.value]);
    expect(figures("Around 1,000 and at least 18, over 1,300, has exceeded 5,000")).toEqual([
      ["Around 1,000", "AROUND", 1000],
      ["at least 18", "AT_LEAST", 18],
      ["over 1,300", "OVER", 1300],
      ["has exceeded 5,000", "EXCEEDED", 5000],
    ]);
    expect(figures("several dozen, a few hundred, scores, thousands, 18 or more, 40-odd")).toEqual([
      ["several dozen", "SEVERAL_DOZEN", 24],
      ["a few hundred", "SEVERAL_HUNDRED", 200],
      ["scores", "SCORES", 40],
      ["thousands", "THOUSANDS", 1000],
      ["18 or more", "AT_LEAST", 18],
      ["40-odd", "AROUND", 40],
    ]);
    expect(figures("nearly 8,000; almost 10; fewer than 20; up to 50; as many as 9; more than a dozen")).toEqual([
      ["nearly 8,000", "NEARLY", 8000],
      ["almost 10", "ALMOST", 10],
      ["fewer than 20", "FEWER_THAN", 20],
      ["up to 50", "UP_TO", 50],
      ["as many as 9", "UP_TO", 9],
      ["more than a dozen", "MORE_THAN", 12],
    ]);
  });
});

describe("wire copy", () => {
  test("at least 164 people were killed, the health ministry said", () => {
    const sentence = "At least 164 people were killed, the health ministry said.";
    expectClaims(sentence, [
      { category: "KILLED", affectedGroup: "ALL", affectedGroupText: "people", qualifier: "AT_LEAST", figureText: "At least 164", low: 164, best: 164, high: null, claimant: HEALTH_KZ, quote: sentence, quoteStart: 0, quoteEnd: sentence.length, confidence: 0.9 },
    ]);
    expect(extract(sentence, {})[0].claimant).toEqual({ name: "Health Ministry", kind: "GOVERNMENT" });
  });

  test("a toll that nears a figure is just under it: NEARLY, 0/n/n", () => {
    expectClaims("The civilian death toll nears 100 as fighting intensifies.", [{ category: "KILLED", qualifier: "NEARLY", figureText: "100", low: 0, best: 100, high: 100 }]);
  });

  test("police detained nearly 8,000 people (verb before the figure; nearly n is a ceiling: 0/n/n)", () => {
    expectClaims("Police detained nearly 8,000 people, the Interior Ministry said.", [
      { category: "DETAINED", affectedGroup: "ALL", affectedGroupText: "people", qualifier: "NEARLY", figureText: "nearly 8,000", low: 0, best: 8000, high: 8000, claimant: MVD_KZ },
    ]);
  });

  test("a number word and a second figure in a coordinated clause", () => {
    expectClaims("Eighteen security officers died and more than 2,000 people were injured, officials said.", [
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "security officers", qualifier: "EXACT", figureText: "Eighteen", low: 18, best: 18, high: 18, claimant: { name: "Government of Kazakhstan", kind: "GOVERNMENT" } },
      { category: "INJURED", affectedGroup: "ALL", affectedGroupText: "people", qualifier: "MORE_THAN", figureText: "more than 2,000", low: 2000, best: 2000, high: null },
    ]);
  });

  test("the death toll rose to 225", () => {
    expectClaims("The death toll rose to 225, prosecutors said on Saturday.", [
      { category: "KILLED", affectedGroup: "ALL", affectedGroupText: "", qualifier: "EXACT", figureText: "225", low: 225, best: 225, high: 225, claimant: { name: "Prosecutor General's Office of Kazakhstan", kind: "GOVERNMENT" } },
    ]);
  });

  test("a revised toll: the old figure is not claimed; an increment is kept and marked", () => {
    expectClaims("Two more police officers died of their wounds, raising the toll from 8 to 18.", [
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "Two", best: 2, increment: true },
      { category: "KILLED", affectedGroup: "ALL", qualifier: "EXACT", figureText: "18", low: 18, best: 18, high: 18, claimant: UNATTRIBUTED, confidence: 0.7, increment: false },
    ]);
  });

  test("killing ... injuring: the second figure inherits the group", () => {
    expectClaims("The clashes killed at least 12 people, injuring more than 100.", [
      { category: "KILLED", affectedGroupText: "people", qualifier: "AT_LEAST", figureText: "at least 12", low: 12, best: 12, high: null },
      { category: "INJURED", affectedGroupText: "people", qualifier: "MORE_THAN", figureText: "more than 100", low: 100, best: 100, high: null, confidence: 0.6 },
    ]);
  });

  test("1,300 and 1 300 and 1.300 are the same number", () => {
    for (const printed of ["1,300", "1 300", "1.300"]) {
      expectClaims(`At least ${printed} people were injured, the Emergencies Ministry said.`, [
        { category: "INJURED", qualifier: "AT_LEAST", figureText: `At least ${printed}`, low: 1300, best: 1300, high: null, claimant: { name: "Ministry of Emergency Situations of Kazakhstan", kind: "GOVERNMENT" } },
      ]);
    }
  });

  test("164 people were killed, including 16 police officers", () => {
    const body = "The health ministry said the figures were provisional. 164 people were killed, including 16 police officers, the ministry said.";
    const claims = expectClaims(body, [
      { category: "KILLED", affectedGroup: "ALL", affectedGroupText: "people", qualifier: "EXACT", figureText: "164", claimant: HEALTH_KZ, quoteStart: 55, quoteEnd: body.length },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "police officers", qualifier: "EXACT", figureText: "16", low: 16, best: 16, high: 16, claimant: HEALTH_KZ, confidence: 0.8 },
    ]);
    expect(claims[0].quote).toBe("164 people were killed, including 16 police officers, the ministry said.");
  });

  test("Some 164 people, among them three children, were killed", () => {
    expectClaims("Some 164 people, among them three children, were killed in the unrest, Kazakhstan's health ministry said.", [
      { category: "KILLED", affectedGroup: "ALL", qualifier: "AROUND", figureText: "Some 164", low: 164, best: 164, high: null, claimant: HEALTH_KZ },
      // Children are who among the dead, not a group of their own: the whole's group, with a subgroup.
      { category: "KILLED", affectedGroup: "ALL", affectedGroupText: "children", subgroup: "children", qualifier: "EXACT", figureText: "three", low: 3, best: 3, high: 3, claimant: HEALTH_KZ },
    ], {});
  });

  test("two claimants in one sentence: each figure takes the nearer one", () => {
    const body = "The Interior Ministry gave new figures. The UN said 1,000 were injured while the ministry put the figure at 700.";
    expectClaims(body, [
      { category: "INJURED", qualifier: "EXACT", figureText: "1,000", low: 1000, best: 1000, high: 1000, claimant: UN },
      { category: "INJURED", qualifier: "EXACT", figureText: "700", low: 700, best: 700, high: 700, claimant: MVD_KZ, confidence: 0.8 },
    ]);
    expectClaims("Over 200 people have been killed, local media reported, while the UN said at least 160 had died.", [
      { category: "KILLED", affectedGroupText: "people", qualifier: "OVER", figureText: "Over 200", low: 200, best: 200, high: null, claimant: MEDIA_REPORTS },
      { category: "KILLED", affectedGroupText: "people", qualifier: "AT_LEAST", figureText: "at least 160", low: 160, best: 160, high: null, claimant: UN },
    ]);
  });
});

describe("state media", () => {
  test("TASS reported, citing the Interior Ministry: the ministry is the claimant", () => {
    expectClaims("TASS reported, citing the Interior Ministry, that 5,000 were detained.", [
      { category: "DETAINED", affectedGroup: "ALL", affectedGroupText: "", qualifier: "EXACT", figureText: "5,000", low: 5000, best: 5000, high: 5000, claimant: MVD_KZ },
    ]);
  });

  test("a source told RIA Novosti", () => {
    expectClaims("A police source told RIA Novosti that 40 officers were hurt.", [
      { category: "INJURED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "officers", figureText: "40", claimant: { name: "Unnamed source", kind: "UNATTRIBUTED" }, confidence: 0.8 },
    ]);
  });

  test("state television by name", () => {
    expectClaims("Kazakh state television Khabar 24 reported that 164 people had died.", [
      { category: "KILLED", affectedGroupText: "people", figureText: "164", claimant: { name: "Khabar 24", kind: "MEDIA" } },
    ]);
    expectClaims("One hundred and sixty-four people lost their lives, according to state TV.", [
      { category: "KILLED", figureText: "One hundred and sixty-four", low: 164, best: 164, high: 164, claimant: { name: "State media", kind: "MEDIA" } },
    ]);
  });

  test("“terrorists” liquidated and killed (official wording) are RIOTERS", () => {
    expectClaims("At least 10 rioters were liquidated, the National Security Committee said.", [
      { category: "KILLED", affectedGroup: "RIOTERS", affectedGroupText: "rioters", qualifier: "AT_LEAST", figureText: "At least 10", claimant: { name: "National Security Committee of Kazakhstan", kind: "GOVERNMENT" } },
    ]);
    expectClaims("Police killed 26 “terrorists”, the Interior Ministry said.", [
      { category: "KILLED", affectedGroup: "RIOTERS", affectedGroupText: "terrorists", qualifier: "EXACT", figureText: "26", claimant: MVD_KZ },
    ]);
  });

  test("ministries of other countries keep their own country", () => {
    expectClaims("The Interior Ministry of Kyrgyzstan said 12 people were detained.", [
      { category: "DETAINED", figureText: "12", claimant: { name: "Ministry of Internal Affairs of Kyrgyzstan", kind: "GOVERNMENT" } },
    ]);
    expectClaims("The Russian Defence Ministry said 5 servicemen were wounded.", [
      { category: "WOUNDED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "servicemen", figureText: "5", claimant: { name: "Ministry of Defence of Russia", kind: "GOVERNMENT" } },
    ]);
  });

  test("named officials, with an alias for the full name", () => {
    expectClaims("Tokayev said 2,000 people were detained.", [
      { category: "DETAINED", figureText: "2,000", claimant: { name: "Kassym-Jomart Tokayev", kind: "PERSON" } },
    ], { countryName: "Kazakhstan", claimantAliases: { Tokayev: "Kassym-Jomart Tokayev" } });
    expectClaims("Kremlin spokesman Dmitry Peskov said 3 Russian peacekeepers were hurt.", [
      { category: "INJURED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "Russian peacekeepers", figureText: "3", claimant: { name: "Kremlin (Dmitry Peskov)", kind: "GOVERNMENT" } },
    ]);
    // The organisation named just before a person's role is the body they speak for.
    expectClaims("NDMA chairman Zafar Iqbal said 422 deaths had been caused by floods.", [{ figureText: "422", claimant: { name: "NDMA (Zafar Iqbal)", kind: "OTHER" } }]);
  });
});

describe("aggregators and local outlets", () => {
  test("dozens / several hundred / thousands / scores", () => {
    expectClaims("Dozens of protesters were killed, Reuters reported.", [
      { category: "KILLED", affectedGroup: "PROTESTERS", affectedGroupText: "protesters", qualifier: "DOZENS", figureText: "Dozens", low: 12, best: 12, high: null, claimant: { name: "Reuters", kind: "MEDIA" }, confidence: 0.8 },
    ]);
    expectClaims("Several hundred demonstrators were arrested, Human Rights Watch said.", [
      { category: "DETAINED", affectedGroup: "PROTESTERS", affectedGroupText: "demonstrators", qualifier: "SEVERAL_HUNDRED", figureText: "Several hundred", low: 200, best: 200, high: null, claimant: { name: "Human Rights Watch", kind: "OTHER" } },
    ]);
    expectClaims("Thousands of people were detained, a source told TASS.", [
      { category: "DETAINED", qualifier: "THOUSANDS", figureText: "Thousands", low: 1000, best: 1000, high: null, claimant: { name: "Unnamed source", kind: "UNATTRIBUTED" }, confidence: 0.7 },
    ]);
    expectClaims("Scores of people were injured in Taldykorgan.", [
      { category: "INJURED", qualifier: "SCORES", figureText: "Scores", low: 40, best: 40, high: null, claimant: UNATTRIBUTED, confidence: 0.6 },
    ]);
    expectClaims("Several dozen people were hospitalised, doctors said.", [
      { category: "HOSPITALIZED", qualifier: "SEVERAL_DOZEN", figureText: "Several dozen", low: 24, best: 24, high: null, claimant: { name: "Medical staff", kind: "OTHER" } },
    ]);
  });

  test("hundreds without a noun", () => {
    expectClaims("Hundreds were detained in Almaty overnight, witnesses said.", [
      { category: "DETAINED", affectedGroup: "ALL", affectedGroupText: "", qualifier: "HUNDREDS", figureText: "Hundreds", low: 100, best: 100, high: null, claimant: { name: "Witnesses", kind: "OTHER" } },
    ]);
  });

  test("up to 50 missing (UP_TO gives 0/n/n)", () => {
    expectClaims("Up to 50 people are missing, local media reported.", [
      { category: "MISSING", qualifier: "UP_TO", figureText: "Up to 50", low: 0, best: 50, high: 50, claimant: MEDIA_REPORTS },
    ]);
    expectClaims("As many as 50 people may have died, Amnesty International said.", [
      { category: "KILLED", qualifier: "UP_TO", figureText: "As many as 50", low: 0, best: 50, high: 50, claimant: { name: "Amnesty International", kind: "OTHER" } },
    ]);
  });

  test("more than a dozen, nearly a hundred", () => {
    expectClaims("More than a dozen police officers were wounded in Aktau.", [
      { category: "WOUNDED", affectedGroup: "SECURITY_FORCES", qualifier: "MORE_THAN", figureText: "More than a dozen", low: 12, best: 12, high: null },
    ]);
    expectClaims("Nearly a hundred people were wounded, the Defence Ministry said.", [
      { category: "WOUNDED", qualifier: "NEARLY", figureText: "Nearly a hundred", low: 0, best: 100, high: 100, claimant: { name: "Ministry of Defence of Kazakhstan", kind: "GOVERNMENT" } },
    ]);
  });

  test("in hospital and unaccounted for", () => {
    expectClaims("Around 300 people remain in hospital, five of them in serious condition.", [
      { category: "HOSPITALIZED", affectedGroupText: "people", qualifier: "AROUND", figureText: "Around 300", low: 300, best: 300, high: null },
      { category: "HOSPITALIZED", affectedGroupText: "people", figureText: "five", best: 5 },
    ]);
    expectClaims("Some 2,000 people remain unaccounted for.", [{ category: "MISSING", qualifier: "AROUND", figureText: "Some 2,000" }]);
  });

  test("the number of ... has exceeded / has reached", () => {
    expectClaims("The number of those detained has exceeded 5,000, according to Kazakh media reports.", [
      { category: "DETAINED", affectedGroup: "ALL", affectedGroupText: "those detained", qualifier: "EXCEEDED", figureText: "has exceeded 5,000", low: 5000, best: 5000, high: null, claimant: MEDIA_REPORTS },
    ]);
    expectClaims("The number of detainees has reached 9,900, the Prosecutor General's Office said.", [
      { category: "DETAINED", affectedGroupText: "detainees", qualifier: "EXACT", figureText: "9,900", low: 9900, best: 9900, high: 9900 },
    ]);
  });

  test("lists of groups, and casualties left behind", () => {
    expectClaims("Twenty-one protesters and five police officers were killed, witnesses said.", [
      { category: "KILLED", affectedGroup: "PROTESTERS", affectedGroupText: "protesters", figureText: "Twenty-one", low: 21, best: 21, high: 21 },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "police officers", figureText: "five", low: 5, best: 5, high: 5 },
    ]);
    expectClaims("Eighteen protesters, 5 police officers and three civilians died in Aktau.", [
      { category: "KILLED", affectedGroup: "PROTESTERS", affectedGroupText: "protesters", figureText: "Eighteen" },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "police officers", figureText: "5" },
      { category: "KILLED", affectedGroup: "CIVILIANS", affectedGroupText: "civilians", figureText: "three" },
    ]);
    expectClaims("Clashes left at least 18 people dead and 1,300 injured.", [
      { category: "KILLED", affectedGroupText: "people", figureText: "at least 18" },
      { category: "INJURED", affectedGroupText: "people", figureText: "1,300" },
    ]);
    expectClaims("Among the dead were 18 police officers, two of whom were beheaded.", [
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "police officers", figureText: "18" },
      // A part of the figure before it is a claim of its own.
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "two", best: 2 },
    ]);
  });

  test("a casualty word before the noun: 1,300 wounded police officers", () => {
    expectClaims("The Interior Ministry said nearly 10,000 people had been detained, and 1,300 wounded police officers were treated.", [
      { category: "DETAINED", affectedGroupText: "people", qualifier: "NEARLY", figureText: "nearly 10,000", claimant: MVD_KZ },
      { category: "WOUNDED", affectedGroup: "SECURITY_FORCES", affectedGroupText: "police officers", qualifier: "EXACT", figureText: "1,300", low: 1300, best: 1300, high: 1300, claimant: MVD_KZ },
    ]);
  });

  test("detention figures do not borrow the group of a casualty figure", () => {
    expectClaims("At least 18 police officers were killed, while 5,000 were detained.", [
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "At least 18" },
      { category: "DETAINED", affectedGroup: "ALL", affectedGroupText: "", figureText: "5,000" },
    ]);
  });

  test("a decimal with a scale word", () => {
    expectClaims("Almost 1.5 thousand people were detained in the first week, Tokayev told parliament.", [
      { category: "DETAINED", qualifier: "ALMOST", figureText: "Almost 1.5 thousand", low: 0, best: 1500, high: 1500, claimant: { name: "Tokayev", kind: "PERSON" } },
    ]);
  });

  test("claims across paragraphs keep body offsets", () => {
    const body = "Protests spread on Tuesday.\n\nAt least 8 people died, police said. Later, 40 more were hurt.";
    const [claim, later] = expectClaims(body, [
      { category: "KILLED", figureText: "At least 8", claimant: { name: "Police of Kazakhstan", kind: "GOVERNMENT" } },
      // "40 more" of another category only means "other": a plain figure, its source carried from the sentence before.
      { category: "INJURED", figureText: "40", increment: false, claimant: { name: "Police of Kazakhstan", kind: "GOVERNMENT" } },
    ]);
    expect(later.quoteStart).toBe(body.indexOf("Later, 40"));
    expect(claim.quoteStart).toBe(body.indexOf("At least 8"));
    expect(claim.quote).toBe("At least 8 people died, police said.");
  });
});

describe("wording outside the templates", () => {
  test.each([
    ["The death toll, on the other hand, has risen to 57.", "KILLED", 57],
    ["The death tally has reached 1,200.", "KILLED", 1200],
    ["The floods claimed 1,391 lives.", "KILLED", 1391],
    ["The ministry put the toll as 26.", "KILLED", 26],
    ["The death toll from the magnitude 7.8 earthquake rose to 5,000.", "KILLED", 5000],
    ["Those who died include 103 children.", "KILLED", 103],
    ["Police said “dozens” of people were detained.", "DETAINED", 12],
    ["65 Policemen had been also injured in the incident.", "INJURED", 65],
    ["More than 2,600 people had sought treatment at hospitals.", "INJURED", 2600],
    ["As of Monday, 2,667 people are under detention.", "DETAINED", 2667],
    ["The police had taken 1,213 people into custody.", "DETAINED", 1213],
    ["A total of 913 people are either being detained or charged.", "DETAINED", 913],
    ["More than 10 people including women were injured in the clashes.", "INJURED", 10],
    ["We have lost two soldiers in the fighting.", "KILLED", 2],
    ["The clashes have left two of its troops dead.", "KILLED", 2],
    ["The approximate total of the dead would be 253.", "KILLED", 253],
    ["At least 485 injured were admitted to six hospitals.", "HOSPITALIZED", 485],
    ["We have had more than 300 martyrs.", "KILLED", 300],
    ["Since Tuesday at least 146 lives have been lost.", "KILLED", 146],
    ["The death toll rose on Sunday to 818.", "KILLED", 818],
    ["The civilian death toll nears 100 as fighting intensifies.", "KILLED", 100],
    ["Inmates fought for hours, leaving seven of them dead.", "KILLED", 7],
    ["The total number of fatalities since the escalation in October 2023 has risen to 53,272.", "KILLED", 53272],
    ["The death toll from clashes between students demanding reforms and supporters of the ruling party has risen to at least 50.", "KILLED", 50],
    ["Six more people, who were hurt in the clashes last week, died on Monday.", "KILLED", 6],
    ["Eight people who played a major role in the protests near the capital have been arrested.", "DETAINED", 8],
    ["An estimated 1,000 security officers arrested four people in the capital.", "DETAINED", 4],
  ])("%s", (sentence, category, best) => {
    const claims = extractClaims(sentence, KZ);
    expect(claims.map((c) => [c.category, c.best])).toEqual([[category, best]]);
  });

  test("members of a group take the group's kind; 'lost' counts only people", () => {
    expectClaims("More than 70 active members of a terrorist group were detained.", [{ category: "DETAINED", affectedGroup: "RIOTERS", figureText: "More than 70" }]);
    expectClaims("The company lost 200 homes in the fire.", []);
  });

  test("casualties among a group give each figure that group", () => {
    expectClaims("Casualties among security officers rose to 18 dead and 748 wounded.", [
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "18" },
      { category: "WOUNDED", affectedGroup: "SECURITY_FORCES", figureText: "748" },
    ]);
  });

  test("parts of a figure: per place, per group, with the whole's category", () => {
    expectClaims("At least 164 people were killed, including 103 in the largest city Almaty.", [
      { category: "KILLED", figureText: "At least 164" },
      { category: "KILLED", figureText: "103", placeName: "Almaty" },
    ]);
    expectClaims("The bodies of 225 people were delivered to morgues, of which 19 were police officers.", [
      { category: "KILLED", affectedGroup: "ALL", figureText: "225" },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "19" },
    ]);
    expectClaims("Out of the 420 protesters arrested, 347 were men and 73 were women.", [
      { category: "DETAINED", affectedGroup: "PROTESTERS", figureText: "420" },
      { category: "DETAINED", affectedGroup: "PROTESTERS", subgroup: "men", figureText: "347" },
      { category: "DETAINED", affectedGroup: "PROTESTERS", subgroup: "women", figureText: "73" },
    ]);
    expectClaims("More than 100 people were arrested. They include Northtown (20), Eastfield (2) and Westbury (3).", [
      { category: "DETAINED", figureText: "More than 100" },
      { category: "DETAINED", figureText: "20", placeName: "Northtown" },
      { category: "DETAINED", figureText: "2", placeName: "Eastfield" },
      { category: "DETAINED", figureText: "3", placeName: "Westbury" },
    ]);
  });

  test("a relative clause says who they were; the verb after it, or the whole they belong to, what happened", () => {
    expectClaims("At least 25 people died on Saturday, including four who were injured in earlier clashes. Six others who were injured last week died in hospital.", [
      { category: "KILLED", figureText: "At least 25" },
      { category: "KILLED", figureText: "four" },
      { category: "KILLED", figureText: "Six" },
    ]);
    expectClaims("Twelve people who were injured in the blast remain in hospital.", [{ category: "INJURED", figureText: "Twelve" }]);
  });

  test("a figure named only by a nationality shares the noun of the nationality-led figure beside it", () => {
    expectClaims("The ministry said that three Tajik soldiers and two Kyrgyz were killed. Later it said four Kyrgyz troops were killed and one Tajik wounded.", [
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "three" },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "two", affectedGroupText: "Kyrgyz soldiers" },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "four" },
      { category: "WOUNDED", affectedGroup: "SECURITY_FORCES", figureText: "one", affectedGroupText: "Tajik troops" },
    ]);
    // Alone, a nationality is people of any kind.
    expectClaims("Two Kyrgyz were killed in the blast.", [{ category: "KILLED", affectedGroup: "ALL", figureText: "Two" }]);
  });

  test("a toll framed by a group frames the smaller bare counts of deaths after it, each with its place", () => {
    expectClaims(
      "The Chad Doctors Union said the civilian death toll rose to 74. In its daily report, it said Northtown saw three deaths and 11 injuries, while Eastfield, the capital of the east, recorded three deaths. Twelve people died in Westbury.",
      [
        { category: "KILLED", affectedGroup: "CIVILIANS", figureText: "74" },
        { category: "KILLED", affectedGroup: "CIVILIANS", figureText: "three", placeName: "Northtown" },
        { category: "INJURED", affectedGroup: "ALL", figureText: "11", placeName: "Northtown" },
        { category: "KILLED", affectedGroup: "CIVILIANS", figureText: "three", placeName: "Eastfield" },
        { category: "KILLED", affectedGroup: "ALL", figureText: "Twelve" },
      ],
    );
  });

  test("'They included 10 guards and eight inmates': parts of the figure before, each with its group", () => {
    expectClaims("At least 18 other people were injured in the uprising. They included 10 guards and eight inmates, a spokeswoman said.", [
      { category: "INJURED", affectedGroup: "ALL", figureText: "At least 18" },
      { category: "INJURED", affectedGroup: "SECURITY_FORCES", figureText: "10" },
      { category: "INJURED", affectedGroup: "OTHER", figureText: "eight" },
    ]);
  });

  test("'the 420 people, arrested between …, comprise 347 male and 73 female': the figure told before, and its parts", () => {
    const claims = extract("The police said they have arrested 420 people since June. Jo Lam, a police superintendent, said the 420 people, arrested between June 9 and Aug. 5, comprise 347 male and 73 female.", { countryName: "China" });
    expect(claims.map((c) => [c.category, c.best, c.subgroup, c.claimant.name])).toEqual([
      ["DETAINED", 420, null, "Police of China"],
      ["DETAINED", 347, "male", "Police of China (Jo Lam)"],
      ["DETAINED", 73, "female", "Police of China (Jo Lam)"],
    ]);
  });

  test("the place a sentence gives its figure, after it or opening the sentence; a repeat without it is the same claim", () => {
    expectClaims("In northern Eastland, 40 are missing in the eastern city of Portville.", [{ category: "MISSING", figureText: "40", placeName: "Eastland" }]);
    expectClaims("As many as 600 people are still missing in the eastern city of Portville.", [{ category: "MISSING", figureText: "As many as 600", placeName: "Portville" }]);
    expectClaims("A riot left 58 dead in a prison in Eastport on Tuesday. In Westbury, 12 people were injured. The riot left 58 dead, police said. Officials in the Interior Ministry said 3 were detained.", [
      { category: "KILLED", figureText: "58", placeName: "Eastport", claimant: { name: "Police of Kazakhstan", kind: "GOVERNMENT" } },
      { category: "INJURED", figureText: "12", placeName: "Westbury" },
      { category: "DETAINED", figureText: "3", placeName: null },
    ]);
  });

  test("an elliptical figure for another place: 'and eight more in Westbury'", () => {
    expectClaims("Thirty-six people were reported dead in Eastfield, and eight more in Westbury District.", [
      { category: "KILLED", figureText: "Thirty-six" },
      { category: "KILLED", figureText: "eight", placeName: "Westbury District", increment: false },
    ]);
  });

  test("a list after a dash takes the category of the figure before it", () => {
    expectClaims("Officials had acknowledged 44 deaths — 26 armed criminals and 18 security officers.", [
      { category: "KILLED", figureText: "44" },
      { category: "KILLED", affectedGroup: "RIOTERS", figureText: "26" },
      { category: "KILLED", affectedGroup: "SECURITY_FORCES", figureText: "18" },
    ]);
  });
});

describe("who states a figure, wherever the sentence puts it", () => {
  test("a statement released by a body, with words between", () => {
    expectClaims(
      "At least 40 civilians have been killed while 120 others have been wounded, according to a statement released Monday morning from the Chad Doctors' Syndicate.",
      [
        { category: "KILLED", figureText: "At least 40", claimant: { name: "Chad Doctors' Syndicate", kind: "OTHER" } },
        { category: "WOUNDED", figureText: "120", claimant: { name: "Chad Doctors' Syndicate", kind: "OTHER" } },
      ],
      { countryName: "Chad" },
    );
  });

  test("a title without a name is the person named last, and a 'but' inside their own quotation keeps the figure theirs", () => {
    expectClaims(
      "General Omar Bakri said: “Everyone has been affected.” He commands the Republican Guard. The General stated: “I don’t have the latest figures, but I think we have had perhaps more than 300 martyrs and people killed.”",
      [{ category: "KILLED", figureText: "more than 300", claimant: { name: "Omar Bakri", kind: "PERSON" } }],
      { countryName: "Chad" },
    );
  });

  test("a sentence that only says where the figures before it come from gives them that source", () => {
    expectClaims(
      "During the riots, two soldiers were killed, and another 163 were injured. This number is named in the official message of the Ministry of Defense of the country, reports RIA News.",
      [
        { category: "KILLED", figureText: "two", claimant: { name: "Ministry of Defence of Chad", kind: "GOVERNMENT" } },
        { category: "INJURED", figureText: "163", claimant: { name: "Ministry of Defence of Chad", kind: "GOVERNMENT" } },
      ],
      { countryName: "Chad" },
    );
    // It names a category: only that category's figures take the source.
    expectClaims(
      "More than 900 people are thought dead and 2,000 are still missing. The number of persons still unaccounted for was given to reporters in Geneva by Lina Haddad, the head of the delegation of the International Federation of Red Cross and Red Crescent Societies.",
      [
        { category: "KILLED", figureText: "More than 900", claimant: { name: "Unattributed", kind: "UNATTRIBUTED" } },
        { category: "MISSING", figureText: "2,000", claimant: { name: "International Federation of Red Cross and Red Crescent Societies (Lina Haddad)", kind: "INTERNATIONAL_ORGANIZATION" } },
      ],
      { countryName: "Chad" },
    );
  });

  test("'reports that' credits the figures after it to the reports, not to the sentence's speaker", () => {
    expectClaims(
      "On Monday the President announced that nine people had died and 40 people had been injured, contradicting reports that more than 30 people had died.",
      [
        { category: "KILLED", figureText: "nine", claimant: { name: "President of Chad", kind: "GOVERNMENT" } },
        { category: "INJURED", figureText: "40", claimant: { name: "President of Chad", kind: "GOVERNMENT" } },
        { category: "KILLED", figureText: "more than 30", claimant: { name: "Media reports", kind: "UNATTRIBUTED" } },
      ],
      { countryName: "Chad" },
    );
  });
});

describe("status across sentences", () => {
  test("two sides' accounts against each other: both sides' figures are disputed", () => {
    expectClaims(
      "Kyrgyzstan’s Defence Ministry said that three Tajik soldiers were killed on Thursday. Meanwhile, a spokesperson for the Tajik Defence Ministry, Jan Novak, said on the contrary that Kyrgyz soldiers attacked first. He said that four Kyrgyz troops were killed. Separately, police said 12 people were detained in the capital.",
      [
        { figureText: "three", claimant: { name: "Ministry of Defence of Kyrgyzstan", kind: "GOVERNMENT" }, status: "DISPUTED" },
        { figureText: "four", claimant: { name: "Ministry of Defence of Tajikistan (Jan Novak)", kind: "GOVERNMENT" }, status: "DISPUTED" },
        { figureText: "12", category: "DETAINED", status: "CURRENT" },
      ],
      { countryName: "Kyrgyzstan" },
    );
  });

  test("a figure disputed where it is first told stays disputed where the article repeats it with its source", () => {
    const claims = extract("Lawyers disputed the President's claim that only nine people had died. On Monday, the President announced that nine people had died and 40 had been injured.", { countryName: "Chad" });
    expect(claims.map((c) => [c.category, c.best, c.claimant.name, c.status])).toEqual([
      ["KILLED", 9, "President of Chad", "DISPUTED"],
      ["INJURED", 40, "President of Chad", "CURRENT"],
    ]);
  });
});

describe("increments and other figures", () => {
  test("another N of the same category adds to it; of another category it is a plain figure", () => {
    expectClaims("Police said 12 people were detained on Monday. Another 30 were detained on Tuesday.", [
      { category: "DETAINED", figureText: "12", increment: false },
      { category: "DETAINED", figureText: "30", increment: true },
    ]);
    expectClaims("Two soldiers were killed, and another 9 were injured.", [
      { category: "KILLED", figureText: "Two", increment: false },
      { category: "INJURED", figureText: "9", increment: false },
    ]);
    expectClaims("A further 5 people were detained.", [{ category: "DETAINED", figureText: "5", increment: false }]);
    expectClaims("Dozens more were injured.", [{ category: "INJURED", qualifier: "DOZENS", figureText: "Dozens", best: 12, increment: false }]);
  });
});

describe("numbers that are not casualty claims", () => {
  test.each([
    "Almaty, a city of around 2 million people, was the worst hit.",
    "Russia sent some 2,500 troops as part of the CSTO force.",
    "About 100 vehicles were burnt and 18 police stations were attacked.",
    "A protester aged 18 was killed on January 5, 2022.",
    "An 18-year-old student was arrested.",
    "Prices rose by 100% and the damage was estimated at $200 million.",
    "The government pledged 5,000 tenge to every family of those detained.",
    "Between 10 and 20 people were killed, witnesses said.",
    "18 to 20 people died.",
    "More than 1,000 people were killed or injured.",
    "No one was killed, police said.",
    "Those over 65 were taken to hospital.",
    "Tens of thousands of people protested and hundreds of thousands were affected.",
    "The 2,500-strong force left on January 13.",
    "The protests began on January 2, 2022, in Zhanaozen, home to 150,000 people.",
    "Interior Minister Erlan Turgumbayev met 18 regional police chiefs at 10:00.",
    "Over the weekend, 5 trucks of aid arrived for the 3 hospitals treating the wounded.",
    "Some 18% of those detained were released.",
  ])("%s", (sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  test("a claim next to non-claim numbers keeps only the claim", () => {
    expectClaims("In the city of 2 million people, 18 people were killed near the Interior Ministry building on January 5.", [
      { category: "KILLED", figureText: "18", claimant: UNATTRIBUTED },
    ]);
  });
});

test("CLAIMANT_ALIASES maps the UN to its full name", () => {
  expect(CLAIMANT_ALIASES.UN).toBe("United Nations");
});
