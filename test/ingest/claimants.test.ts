// Who states a figure, by general rules: the sentences are written for these
// tests (no third-party text), each exercising one rule.
import { extractClaims, type ExtractClaimsOptions } from "../../src/ingest/extract-claims";
import { countryOf, mainCountry } from "../../src/ingest/countries";

function claimants(body: string, options: ExtractClaimsOptions = {}): string[] {
  return extractClaims(body, options).map((c) => `${c.best}: ${c.claimant.name}`);
}

describe("organisations the text names", () => {
  test("any capitalised name holding an organisation word, without a list of known bodies", () => {
    expect(claimants("The Northern Valley Nurses Guild Association said 14 people were injured.")).toEqual(["14: Northern Valley Nurses Guild Association"]);
    expect(claimants("The Riverland Doctors union reported that 9 civilians were killed.")).toEqual(["9: Riverland Doctors union"]);
  });

  test("an acronym given in brackets, then used alone", () => {
    const body = "The Coastal Network for Detainee Rights (CNDR) monitors the prisons. The CNDR said 310 people were detained.";
    expect(claimants(body)).toEqual(["310: Coastal Network for Detainee Rights"]);
  });

  test("an acronym whose letters open the words of a name given before", () => {
    const body = "The group Valley Human Rights was founded in 2001. Oslo-based VHR said that 41 people died on Friday.";
    expect(claimants(body)).toEqual(["41: Valley Human Rights"]);
  });

  test("back references: the commission, they", () => {
    const body = "The Lakeside Commission on Civil Liberties visited the city. The commission said 22 people were arrested. They also said 4 people died.";
    expect(claimants(body)).toEqual(["22: Lakeside Commission on Civil Liberties", "4: Lakeside Commission on Civil Liberties"]);
  });

  test("a qualifier such as '-run' is not part of the name", () => {
    expect(claimants("The rebel-run Health Ministry said 30 people were killed.", { countryName: "Sudan" })).toEqual(["30: Ministry of Health of Sudan"]);
  });

  test("a national body with a country word keeps its own country", () => {
    expect(claimants("The Armenian Defence Ministry said 3 soldiers were killed.")).toEqual(["3: Ministry of Defence of Armenia"]);
    expect(claimants("Kazakhstan's Interior Ministry said 16 police officers were killed.")).toEqual(["16: Ministry of Internal Affairs of Kazakhstan"]);
  });
});

describe("people and their bodies", () => {
  test("an apposition with a person's role names the body they speak for", () => {
    const body = "Dana Ortiz, a spokeswoman for the health ministry, said that 120 people were injured.";
    expect(claimants(body, { countryName: "Chile" })).toEqual(["120: Ministry of Health of Chile (Dana Ortiz)"]);
  });

  test("an apposition that is no person's role names no speaker", () => {
    expect(claimants("Port Amara, the capital of the eastern province, reported five deaths.")).toEqual(["5: Unattributed"]);
  });

  test("a title names the body: Interior Minister X", () => {
    expect(claimants("Acting Interior Minister Pavel Orlov said 200 people were detained.", { countryName: "Moldova" })).toEqual([
      "200: Ministry of Internal Affairs of Moldova (Pavel Orlov)",
    ]);
  });

  test("a surname alone is the speaker introduced before, with their body", () => {
    const body = "Dr Mira Kell, Director of the Regional Health Office, said 40 people died. Kell said at least 85 were injured.";
    expect(claimants(body)).toEqual(["40: Regional Health Office (Mira Kell)", "85: Regional Health Office (Mira Kell)"]);
  });

  test("a titled speaker named after 'said': the body their title names, with the person", () => {
    expect(claimants("The toll in the valley reached 36, said Deputy Superintendent of Police of Lowland district Arjun Thapa.", { countryName: "Nepal" })).toEqual([
      "36: Police of Nepal (Arjun Thapa)",
    ]);
  });

  test("an unnamed individual with a role and a place", () => {
    expect(claimants("A senior doctor in Marsa told reporters that more than 200 people had died.")).toEqual(["200: A doctor in Marsa"]);
  });

  test("an organisation that 'has recorded' a figure in a relative clause", () => {
    const body = "The estimate is lower than the one of the group Delta Rights Watch, which has recorded that 416 protesters have been killed.";
    expect(claimants(body)).toEqual(["416: Delta Rights Watch"]);
  });

  test("'the rights group' points back to the group named before; 'rights groups' are a source of their own", () => {
    const body = "The Prisoners Aid Association (PAA) keeps a count. 'A total of 2,667 people are under detention,' the rights group said.";
    expect(claimants(body)).toEqual(["2667: Prisoners Aid Association"]);
    expect(claimants("Rights groups said 12 people were detained.")).toEqual(["12: Human rights groups"]);
  });

  test("a health body is not carried to a detention figure", () => {
    const body = "The health ministry said 40 people were killed. Nearly 6,000 people were detained over the week.";
    expect(claimants(body, { countryName: "Peru" })).toEqual(["40: Ministry of Health of Peru", "6000: Unattributed"]);
  });

  test("an organisation followed by a comma and its verb", () => {
    expect(claimants("The rights group, the Prisoners Aid Association (PAA), revealed on Monday that police had detained 1,213 people.")).toEqual([
      "1213: Prisoners Aid Association",
    ]);
  });

  test("places that report figures are not people", () => {
    expect(claimants("Northfield reported 12 deaths.")).toEqual(["12: Unattributed"]);
  });

  test("a country that speaks is its government", () => {
    expect(claimants("Chile has confirmed that 50 police officers were injured.")).toEqual(["50: Government of Chile"]);
  });
});

describe("sources across sentences", () => {
  test("a figure whose sentence names no source keeps the source named before", () => {
    const body = "The Interior Ministry said 12 people were detained on Monday. During the clashes, 35 people were injured.";
    expect(claimants(body, { countryName: "Peru" })).toEqual(["12: Ministry of Internal Affairs of Peru", "35: Ministry of Internal Affairs of Peru"]);
    const carried = extractClaims(body, { countryName: "Peru" })[1];
    expect(carried.confidence).toBeLessThan(extractClaims(body, { countryName: "Peru" })[0].confidence);
  });

  test("before any source is named a figure stays unattributed", () => {
    expect(claimants("At least 9 people were killed. The Interior Ministry said 40 people were detained.", { countryName: "Peru" })).toEqual([
      "9: Unattributed",
      "40: Ministry of Internal Affairs of Peru",
    ]);
  });

  test("quoted speech belongs to the speaker named where the quotation closes", () => {
    const body = "The ministry spoke first. “We counted 40 dead on the road. The search goes on,” said Lena Ruiz, the regional civil defence chief.";
    expect(claimants(body)).toEqual(["40: Lena Ruiz"]);
  });

  test("on an organisation's own site, its unsourced figures are its own", () => {
    const body = "The Lakeside Commission on Civil Liberties (LCCL) monitored the march. More than 105 persons were arrested across the country.";
    expect(claimants(body, { url: "https://www.lccl.org/statements/march" })).toEqual(["105: Lakeside Commission on Civil Liberties"]);
    expect(claimants(body, { url: "https://news.example.com/march" })).toEqual(["105: Unattributed"]);
  });

  test("the outlet naming itself is no source", () => {
    expect(claimants("Six policemen were injured near the parliament, XYZN reports.", { url: "https://xyzn.example/news/1" })).toEqual(["6: Unattributed"]);
  });
});

describe("descriptions and contrasts", () => {
  test("'a rights group says' is the organisation the next sentences name", () => {
    const body = "A civil society organization says soldiers have killed 60 protesters. The local advocacy group Delta Prisoners Aid Network (DPAN) made the announcement on Monday.";
    expect(claimants(body)).toEqual(["60: Delta Prisoners Aid Network"]);
    expect(claimants("An opposition group says 19 people have been killed. Police did not comment.")).toEqual(["19: Opposition group"]);
  });

  test("a source across 'however' is not the figure's", () => {
    expect(claimants("The protests have left at least 17 dead, however, a rights organization reported twice as many.")).toEqual(["17: Unattributed"]);
  });

  test("'it said' is the statement named before", () => {
    const body = "A statement released by Interior Minister Omar Hassan said armed men had attacked security forces. Only nine people were wounded, it said.";
    expect(claimants(body, { countryName: "Djibouti" })).toEqual(["9: Ministry of Internal Affairs of Djibouti (Omar Hassan)"]);
  });

  test("a dateline's capital tells the country of an unqualified ministry", () => {
    const body = "DUSHANBE: Nine people were killed near the border with Afghanistan, the interior ministry said. Tajik officials blamed armed groups.";
    expect(claimants(body)).toEqual(["9: Ministry of Internal Affairs of Tajikistan"]);
  });
});

describe("speakers named after their role, and unsourced data", () => {
  test("a spokesperson for a body, then the name: the body, with the person", () => {
    const body = "Meanwhile, a spokesperson for the Armenian Defence Ministry, Anna Sarkis, said the fighting started at dawn. She said that four soldiers were killed.";
    expect(claimants(body)).toEqual(["4: Ministry of Defence of Armenia (Anna Sarkis)"]);
  });

  test("'according to the latest data' names no body, and stops an earlier source being carried", () => {
    const body = "The Interior Ministry said 12 people were detained. According to the latest data, 26 protesters were killed.";
    expect(claimants(body, { countryName: "Peru" })).toEqual(["12: Ministry of Internal Affairs of Peru", "26: Unattributed"]);
  });
});

describe("relays and repeats", () => {
  test("an outlet relaying a source: the source is the claimant, the outlet its via", () => {
    const [claim] = extractClaims("Local media reported, citing the health ministry, that 18 people died.", { countryName: "Peru" });
    expect(claim.claimant.name).toBe("Ministry of Health of Peru");
  });

  test("a figure repeated in the lead and in the sentence naming its source is one claim, kept where its source is named", () => {
    const body = "At least 164 people were killed in the unrest. The health ministry said at least 164 people were killed.";
    expect(claimants(body, { countryName: "Peru" })).toEqual(["164: Ministry of Health of Peru"]);
  });

  test("'authorities' gives way to a named body stating the same figure", () => {
    const body = "The unrest left 225 people dead, authorities announced. The Prosecutor General's Office said 225 people had been killed.";
    expect(claimants(body, { countryName: "Peru" })).toEqual(["225: Prosecutor General's Office of Peru"]);
  });

  test("a national body's source is not carried to a sentence about another country", () => {
    const body = "In Indonesia, the National Disaster Management Agency announced that the death toll had risen to 442. In Thailand, where at least 162 people died, aid is arriving. In Sumatra, 40 more died, the agency said.";
    expect(claimants(body)).toEqual(["442: National Disaster Management Agency", "162: Unattributed", "40: National Disaster Management Agency"]);
  });

  test("'the New York-based organization said' is the organisation named before it", () => {
    expect(claimants("Human Rights Watch condemned the raids. Authorities detained at least 34 people, the New York-based organization said.")).toEqual(["34: Human Rights Watch"]);
  });

  test("'the health ministry in the Hamas-ruled Gaza Strip said': the ministry, of the place it is in; a name with a particle speaks for it", () => {
    expect(
      claimants("The health ministry in the Hamas-ruled Gaza Strip said at least 300 people had been killed. Another 900 were wounded, health ministry spokesman Omar al-Rashid said. Rashid said 40 died overnight."),
    ).toEqual(["300: Ministry of Health of Palestine", "900: Ministry of Health of Palestine (Omar al-Rashid)", "40: Ministry of Health of Palestine (Omar al-Rashid)"]);
  });

  test("a sentence that only opens like an earlier one keeps its own figures", () => {
    const opening = "The interior ministry said on Monday that the number of people detained in the capital since the protests began";
    expect(claimants(`${opening} had reached 300. ${opening} had risen to 450 by the evening.`, { countryName: "Peru" })).toEqual([
      "300: Ministry of Internal Affairs of Peru",
      "450: Ministry of Internal Affairs of Peru",
    ]);
  });

  test("a lead printed twice (standfirst, then first paragraph, cut short or not) states its figures once", () => {
    const lead = "The interior ministry said at least 300 people had been detained since the protests began in the capital last week";
    expect(claimants(`${lead}, officials […]\n\n${lead}, officials added.`, { countryName: "Peru" })).toEqual(["300: Ministry of Internal Affairs of Peru"]);
  });

  test("a place's name before the speaker's title is no person: 'at Lee Correctional Institution, South Carolina prisons chief X said'", () => {
    expect(claimants("At least 17 prisoners were seriously injured at Lee Correctional Institution, South Carolina prisons chief Bryan Stirling said.")).toEqual(["17: Bryan Stirling"]);
  });

  test("a UN agency is named as itself: 'the U.N. Development Program'", () => {
    expect(claimants("More than 35,000 people have died in the insurgency, according to the U.N. Development Program.")).toEqual(["35000: UN Development Program"]);
  });

  test("'local government area' and 'government forces' are no source", () => {
    expect(claimants("Two women were among the dead in a village in Bokkos local government area late Sunday, a vigilante said.", { countryName: "Nigeria" })).toEqual(["2: Unattributed"]);
  });

  test("the address's words help tell the page's country: a state named Niger in a page about Nigeria", () => {
    const body = "At least 17 people were killed in central Nigeria on Monday, an official said. The state government of Niger said 16 died. The police chief of Niger said seven were abducted.";
    expect(claimants(body, { url: "https://example.com/17-killed-in-central-nigeria-attacks/" })[0]).toBe("17: Government of Nigeria");
  });

  test("the UN's human rights office is a body of its own, not the UN", () => {
    expect(claimants("At least 138 people have been killed since the coup, according to the United Nations Human Rights office. Later the UN said 20 were missing.")).toEqual([
      "138: UN Human Rights Office",
      "20: United Nations",
    ]);
  });

  test("an official described by their office: 'a local disaster agency official said'", () => {
    expect(claimants("More than 42 people were killed as flash floods hit the province, a local disaster agency official said.", { countryName: "Indonesia" })).toEqual(["42: Government of Indonesia"]);
  });

  test("'though' opens another clause: its speaker's figure is theirs, the figure before it is not", () => {
    expect(claimants("The toll rose to 15 though the state police chief confirmed only nine deaths.", { countryName: "India" })).toEqual(["15: Unattributed", "9: Police of India"]);
  });

  test("a wire dateline opens a story: no source named before it carries into it", () => {
    const body = "According to a police spokesman, one person was killed during the march. WESTON, Northland, April 20 (Reuters) - The government will open an inquiry, the president said. Police fired on the crowd, killing one person and wounding a dozen.";
    expect(claimants(body, { countryName: "Peru" })).toEqual(["1: Police of Peru", "12: Unattributed"]);
  });

  test("two figures each sourced in their own sentence stay apart even when equal", () => {
    const body = "The Defence Ministry said one soldier was killed on Monday. The Defence Ministry said one soldier was killed on Tuesday.";
    expect(claimants(body, { countryName: "Peru" })).toHaveLength(2);
  });
});

describe("headline figures", () => {
  test("a figure only the headline gives is a claim quoting the headline, at offsets -1", () => {
    const claims = extractClaims("Rescue teams searched the rubble on Tuesday.", { headline: "Earthquake death toll tops 1,200" });
    expect(claims).toMatchObject([{ category: "KILLED", best: 1200, quote: "Earthquake death toll tops 1,200", quoteStart: -1, quoteEnd: -1 }]);
  });

  test("a headline that opens with a bare title credits the person the body names with that title", () => {
    const claims = extractClaims("Westland Oblast Governor Ivan Petrenko reported that shelling killed two people and wounded six. In the north, shelling injured one person, Petrenko added.", {
      headline: "Governor: shelling of Westland Oblast kills 2, injures 7",
      countryName: "Ukraine",
    });
    expect(claims.map((c) => [c.category, c.best, c.claimant.name, c.quoteStart])).toEqual([
      ["KILLED", 2, "Ivan Petrenko", 0],
      ["WOUNDED", 6, "Ivan Petrenko", 0],
      ["INJURED", 1, "Ivan Petrenko", expect.any(Number)],
      ["INJURED", 7, "Ivan Petrenko", -1],
    ]);
  });

  test("a headline figure the body repeats is the body's claim", () => {
    const claims = extractClaims("The death toll rose to 1,200, officials said.", { headline: "Earthquake death toll tops 1,200", countryName: "Peru" });
    expect(claims).toHaveLength(1);
    expect(claims[0].quoteStart).toBe(0);
  });
});

describe("countries", () => {
  test("names, demonyms and press adjectives from the reference data", () => {
    expect(countryOf("Kazakh")?.name).toBe("Kazakhstan");
    expect(countryOf("Sudanese")?.name).toBe("Sudan");
    expect(countryOf("Sri Lankan")?.name).toBe("Sri Lanka");
    expect(countryOf("Turkish")?.name).toBe("Turkey");
    expect(countryOf("Monday")).toBeNull();
    // A whole first word of a longer name is no adjective of it.
    expect(countryOf("Central")).toBeNull();
  });

  test("a page is about the country it names most, names counting over adjectives", () => {
    expect(mainCountry("Russian shelling hit two towns in Ukraine. Ukraine's officials said.")?.name).toBe("Ukraine");
  });
});
