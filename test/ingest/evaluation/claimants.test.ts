// Claimant equivalence of the extraction evaluation: the README's cases, the
// general rule behind them, and names that must stay apart.
import {
  bodyKey,
  claimantMatches,
  goldAlternatives,
  namesEquivalent,
  pageAffiliations,
  splitCountries,
} from "../../../src/ingest/evaluation/claimants";

const gov = (name: string) => ({ name, kind: "GOVERNMENT" });

describe("claimant equivalence", () => {
  it.each([
    ["Interior Ministry", "Ministry of Internal Affairs of Kazakhstan"],
    ["MVD", "Ministry of Internal Affairs of Kazakhstan"],
    ["MVD", "Interior Ministry"],
    ["Sudanese Doctors Union", "Sudan Doctors' Syndicate"],
    ["Kazakh Health Ministry", "Ministry of Health of Kazakhstan"],
    ["Kazakhstani Health Ministry", "Ministry of Health of Kazakhstan"],
    ["the Ministry of Healthcare", "Health Ministry"],
    ["Ministry of the Interior", "Interior Ministry"],
    ["Ministry of Home Affairs of Freedonia", "Interior Ministry"],
    ["Armenian Defense Ministry", "Ministry of Defence of Armenia"],
    ["Turkish Health Ministry", "Ministry of Health of Turkey"],
    ["Iran", "Government of Iran"],
    ["Nepali police", "Nepal Police"],
    ["Police", "Northern Province Police"],
    ["Westland Police Force", "Westland Police"],
    ["Kenyan authorities", "Government of Kenya"],
    ["National Guild of Nurses", "National Nurses Union"],
  ])("%s is %s", (extracted, gold) => {
    expect(claimantMatches(gov(extracted), gold)).toBe(true);
    expect(namesEquivalent(gold, extracted)).toBe(true);
  });

  it.each([
    ["Health Ministry", "Interior Ministry"],
    ["Ministry of Health of Kazakhstan", "Ministry of Health of Turkey"],
    ["Armenian Defence Ministry", "Ministry of Defence of Azerbaijan"],
    ["Ministry", "Interior Ministry"],
    ["Government", "Kazakh government Telegram channel"],
    ["Police", "Ministry of Internal Affairs"],
    ["United Nations", "UN Human Rights Office (OHCHR)"],
    ["President", "Office of the President"],
    ["Red Cross", "Red Crescent"],
  ])("%s is not %s", (extracted, gold) => {
    expect(claimantMatches(gov(extracted), gold)).toBe(false);
  });

  it("matches a named official to the body the gold writes beside them", () => {
    const gold = "Ministry of Health in Gaza (Ashraf al-Qidra)";
    expect(claimantMatches(gov("Health Ministry"), gold)).toBe(true);
    expect(claimantMatches(gov("Gaza Health Ministry"), gold)).toBe(true);
    expect(claimantMatches({ name: "Ashraf al-Qidra", kind: "PERSON" }, gold)).toBe(true);
    expect(claimantMatches({ name: "Al-Qidra", kind: "PERSON" }, gold)).toBe(true);
    expect(claimantMatches({ name: "Yu Hoi-kwan", kind: "PERSON" }, "Hong Kong Police Force (Yu Hoi-kwan)")).toBe(true);
    expect(claimantMatches({ name: "Jane Doe", kind: "PERSON" }, gold)).toBe(false);
  });

  it("takes a person named beside a body elsewhere on the page as that body's official", () => {
    const page = ["Hong Kong Police Force", "Hong Kong Police Force (Yu Hoi-kwan)", "Unattributed"];
    const person = { name: "Yu Hoi-kwan", kind: "PERSON" };
    // The README: "Yu Hoi-kwan" is "Hong Kong Police Force".
    expect(claimantMatches(person, "Hong Kong Police Force", pageAffiliations(page))).toBe(true);
    // Without the page's gold the person is not known to be the force's.
    expect(claimantMatches(person, "Hong Kong Police Force")).toBe(false);
    // The affiliation is to that body only.
    expect(claimantMatches(person, "Unattributed", pageAffiliations(page))).toBe(false);
    expect(claimantMatches(person, "Fire Services Department", pageAffiliations([...page, "Fire Services Department"]))).toBe(false);
  });

  it("reads an extracted name written as body (person) the same way", () => {
    expect(claimantMatches(gov("Government of Freedonia (Ola Nordmann)"), "Health Minister of Freedonia (Ola Nordmann)")).toBe(true);
    expect(claimantMatches(gov("Ministry of Internal Affairs of Freedonia (Ola Nordmann)"), "Interior Ministry")).toBe(true);
  });

  it("accepts a part before a comma and skips a parenthesis that is only a country or a role", () => {
    expect(goldAlternatives("Westland Police, Eastbrook district (DSP Ravi Kumar)")).toEqual([
      "Westland Police, Eastbrook district (DSP Ravi Kumar)",
      "Westland Police, Eastbrook district",
      "Westland Police",
      "DSP Ravi Kumar",
    ]);
    expect(claimantMatches(gov("Police"), "Westland Police, Eastbrook district (DSP Ravi Kumar)")).toBe(true);
    expect(claimantMatches({ name: "Ravi Kumar", kind: "PERSON" }, "Westland Police, Eastbrook district (DSP Ravi Kumar)")).toBe(true);
    expect(goldAlternatives("Independent Television (Bangladesh)")).toEqual(["Independent Television (Bangladesh)", "Independent Television"]);
    expect(goldAlternatives("Sri Lanka Police (spokesman)")).toEqual(["Sri Lanka Police (spokesman)", "Sri Lanka Police"]);
    expect(claimantMatches(gov("Spokesman"), "Sri Lanka Police (spokesman)")).toBe(false);
  });

  it("expands acronyms both ways, with or without the country", () => {
    expect(claimantMatches({ name: "UN", kind: "INTERNATIONAL_ORGANIZATION" }, "United Nations")).toBe(true);
    expect(claimantMatches({ name: "U.N.", kind: "INTERNATIONAL_ORGANIZATION" }, "United Nations")).toBe(true);
    expect(claimantMatches({ name: "WHO", kind: "INTERNATIONAL_ORGANIZATION" }, "World Health Organization")).toBe(true);
    expect(claimantMatches({ name: "FNHRC", kind: "OTHER" }, "Freedonia National Human Rights Commission")).toBe(true);
    expect(claimantMatches({ name: "NDRA", kind: "GOVERNMENT" }, "National Disaster Response Authority of Pakistan")).toBe(true);
    expect(claimantMatches({ name: "NDRA", kind: "GOVERNMENT" }, "National Drought Relief Agency (NDRA)")).toBe(true);
    expect(claimantMatches(gov("National Drought Relief Agency"), "NDRA")).toBe(true);
    expect(claimantMatches({ name: "WFP", kind: "INTERNATIONAL_ORGANIZATION" }, "World Health Organization")).toBe(false);
  });

  it("lets Unattributed match only an empty or unattributed claimant", () => {
    expect(claimantMatches({ name: "Unattributed", kind: "UNATTRIBUTED" }, "Unattributed")).toBe(true);
    expect(claimantMatches({ name: "", kind: "OTHER" }, "Unattributed")).toBe(true);
    expect(claimantMatches({ name: "Media reports", kind: "UNATTRIBUTED" }, "Unattributed")).toBe(true);
    expect(claimantMatches({ name: "unattributed", kind: "OTHER" }, "Unattributed")).toBe(true);
    expect(claimantMatches(gov("Interior Ministry"), "Unattributed")).toBe(false);
    expect(claimantMatches({ name: "Unattributed", kind: "UNATTRIBUTED" }, "Interior Ministry")).toBe(false);
    expect(claimantMatches({ name: "Interior Ministry", kind: "UNATTRIBUTED" }, "Interior Ministry")).toBe(false);
  });

  it("finds countries by name, demonym, other spelling and a unique prefix", () => {
    expect(splitCountries("sudanese doctors union")).toEqual({ countries: ["SD"], words: ["doctors", "union"] });
    expect(splitCountries("kazakh health ministry").countries).toEqual(["KZ"]);
    expect(splitCountries("ministry of health of republic of turkey").countries).toEqual(["TR"]);
    expect(splitCountries("sri lankan police").countries).toEqual(["LK"]);
    expect(splitCountries("health ministry").countries).toEqual([]);
    expect(bodyKey("Ministry of Health of Kazakhstan")).toEqual({ countries: ["KZ"], words: new Set(["ministry", "health"]), head: "ministry" });
  });
});
