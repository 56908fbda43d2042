// Events say only what their sentence supports: dates resolved against the
// publication day, titles in the sentence's own words, plans as
// announcements, participants only those said to take part, confidence that
// drops for what is inferred or hedged. Invented sentences only.
import { extractEvents } from "../../src/ingest/extract-events";
import { extractPage } from "../../src/ingest/extract-page";

const SUNDAY = new Date("2022-01-09T12:00:00Z");
const WEDNESDAY = new Date("2022-01-12T12:00:00Z");
const day = (date: Date) => date.toISOString().slice(0, 10);
const eventsOf = (text: string, publishedAt = SUNDAY) => extractEvents(text, publishedAt);
const only = (text: string, publishedAt = SUNDAY) => {
  const events = eventsOf(text, publishedAt);
  expect(events).toHaveLength(1);
  return events[0];
};
const names = (e: { participants: { name: string }[] }) => e.participants.map((p) => p.name);

describe("dates resolve against the publication day", () => {
  test("the day the page prints, in its zone: 'yesterday' on a page of 19 July at 04:49 IST (18 July in UTC) is 18 July", () => {
    const page = extractPage({ text: "Curfew imposed after clashes\nPublished 19 July 2024, 04:49 IST\n\nAt least 12 people were killed in clashes in the capital yesterday, police said." });
    expect(page.events.map((e) => [e.type, day(e.startDate), day(e.endDate ?? e.startDate)])).toEqual([["VIOLENCE", "2024-07-18", "2024-07-18"]]);
  });


  test("a possessive date dates its own noun: 'last week's unrest' does not date a gathering", () => {
    const e = only("Relatives of people detained in last week's unrest protested outside the prosecutor's office on Saturday.");
    expect(e).toMatchObject({ type: "PROTEST", dateText: "on Saturday", datePrecision: "DAY" });
    expect(day(e.startDate)).toBe("2022-01-08");
  });

  test("'last week's clashes' dates the clashes: the calendar week before the publication week", () => {
    const e = only("Last week's clashes erupted in the capital.");
    expect(e).toMatchObject({ type: "VIOLENCE", datePrecision: "RANGE" });
    expect([day(e.startDate), day(e.endDate)]).toEqual(["2022-01-02", "2022-01-08"]);
  });

  test("weekday, yesterday, earlier this month", () => {
    expect(day(only("Police detained dozens of protesters in the capital on Wednesday.", WEDNESDAY).startDate)).toBe("2022-01-12");
    expect(day(only("Police detained dozens of protesters in the capital on Monday.", WEDNESDAY).startDate)).toBe("2022-01-10");
    expect(day(only("Troops arrived in the port city yesterday.", WEDNESDAY).startDate)).toBe("2022-01-11");
    const month = only("Protests began in the mining towns earlier this month.", WEDNESDAY);
    expect(month).toMatchObject({ datePrecision: "RANGE" });
    expect([day(month.startDate), day(month.endDate)]).toEqual(["2022-01-01", "2022-01-12"]);
  });

  test("a day without a year never lies after publication in a past-tense sentence", () => {
    const early = new Date("2022-01-03T12:00:00Z");
    expect(day(only("Protesters stormed the town hall on January 5.", early).startDate)).toBe("2021-01-05");
    expect(day(only("Protesters stormed the town hall on 30 December.", early).startDate)).toBe("2021-12-30");
    // A scheduled meeting is in the future: the next 5 January.
    expect(day(only("Ministers will hold talks on January 5.", early).startDate)).toBe("2022-01-05");
  });

  test("until / by a date bounds a state, it does not date the event", () => {
    const e = only("The government declared a state of emergency until January 19.");
    expect(e.type).toBe("ANNOUNCEMENT");
    expect(e.dateText).toBeNull();
    expect(e.datePrecision).not.toBe("DAY");
    expect(day(e.startDate)).toBe("2022-01-09");
  });

  test("a date after a reporting verb dates the report: the event is on or before it", () => {
    const e = only("Kazakhstan said on Saturday its former security chief had been arrested.");
    expect(e).toMatchObject({ type: "ARREST", dateText: null });
    expect(e.datePrecision).not.toBe("DAY");
    expect(day(e.endDate)).toBe("2022-01-08");
    expect(e.description).toMatch(/on or before/);
  });

  test("no date words: the publication day, approximately, never DAY", () => {
    const e = only("Police detained an opposition activist in the capital.");
    expect(e).toMatchObject({ type: "ARREST", datePrecision: "APPROXIMATE", dateText: null });
    expect([day(e.startDate), day(e.endDate)]).toEqual(["2022-01-09", "2022-01-09"]);
    for (const event of eventsOf("Protesters rallied in the square. Police detained several of them. Troops arrived later.")) {
      expect(event.datePrecision).not.toBe("DAY");
    }
  });

  test("reported before a background paragraph's coarse date: from that date to publication, not the eve of it", () => {
    const events = eventsOf("The defence ministry announced new security measures. Mass protests erupted across the country in early January.");
    expect(events.map((e) => [e.type, day(e.startDate), day(e.endDate), e.datePrecision])).toEqual([
      ["ANNOUNCEMENT", "2022-01-01", "2022-01-09", "RANGE"],
      ["PROTEST", "2022-01-01", "2022-01-10", "APPROXIMATE"],
    ]);
  });

  test("an undated event follows a dated sentence that has no event of its own", () => {
    const events = eventsOf("The activist was pronounced dead on January 3. After the funeral, protests erupted across the region.");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "PROTEST", datePrecision: "RANGE" });
    expect([day(events[0].startDate), day(events[0].endDate)]).toEqual(["2022-01-03", "2022-01-09"]);
  });
});

describe("titles are the sentence's own clause", () => {
  test("no inflected or stitched words: a reduced relative is no event of its own", () => {
    const e = only("Relatives of people detained in the unrest protested outside the prosecutor's office.");
    expect(e.type).toBe("PROTEST");
    expect(e.title).toBe("Relatives of people detained in the unrest protested outside the prosecutor's office");
  });

  test("every word of a title is in the sentence, in order", () => {
    const body = [
      "On Tuesday, approximately 2,500 soldiers stormed the prison, regaining control of the facility.",
      "The armed forces, backed by the police, entered the prison on Tuesday to end the riot.",
      "Rioters, many of them armed, attacked the mayor's office and set it on fire.",
      "A rights group said that security forces had opened fire on protesters in the northern town on Monday.",
      "Students from several universities, together with their teachers, marched through the capital on Friday.",
    ].join(" ");
    const events = eventsOf(body);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const e of events) {
      const quoteWords = e.quote.split(/\s+/).map((w) => w.replace(/[,.;:]$/, "").toLowerCase());
      let at = 0;
      for (const word of e.title.split(/\s+/).map((w) => w.replace(/[,.;:]$/, "").toLowerCase())) {
        const found = quoteWords.indexOf(word, at);
        expect(found).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
    const titles = events.map((e) => e.title);
    expect(titles).toContain("Approximately 2,500 soldiers stormed the prison");
    expect(titles).toContain("The armed forces entered the prison");
    expect(titles).toContain("Rioters attacked the mayor's office and set it on fire");
    expect(titles).toContain("Security forces had opened fire on protesters in the northern town");
    expect(titles).toContain("Students from several universities marched through the capital");
  });

  test("a long subject loses its post-modifier; a name is never cut", () => {
    const e = only("The date of the talks between the leaders of Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan was announced by the office of Armenian Prime Minister Nikol Pashinyan.");
    expect(e.title).toBe("The date of the talks was announced by the office of Armenian Prime Minister Nikol Pashinyan");
  });

  test("coordinated verbs keep the first verb's subject", () => {
    const e = only("Several rights groups and the embassy meanwhile raised concerns and have called for an independent inquiry.");
    expect(e).toMatchObject({ type: "POLITICAL_REQUEST" });
    expect(e.title).toBe("Several rights groups and the embassy have called for an independent inquiry");
  });
});

describe("plans and announcements are ANNOUNCEMENT, dated to the announcement", () => {
  test("plans to, will, is expected to, announced it would", () => {
    for (const text of [
      "Russia plans to withdraw its troops from the country.",
      "The peacekeepers will withdraw from the airport.",
      "The contingent is expected to leave the country.",
      "The ministry announced it would send more troops to the region.",
    ]) {
      const e = only(text);
      expect(e).toMatchObject({ type: "ANNOUNCEMENT", datePrecision: "APPROXIMATE", dateText: null });
      expect(day(e.startDate)).toBe("2022-01-09");
      expect(e.description).toMatch(/plan/);
    }
  });

  test("the planned date is the plan's, the announcement's date is the event's", () => {
    const planned = only("The government will lift the curfew on Thursday.");
    expect(planned).toMatchObject({ type: "ANNOUNCEMENT", dateText: null, datePrecision: "APPROXIMATE" });
    expect(day(planned.startDate)).toBe("2022-01-09");
    expect(planned.description).toMatch(/on Thursday.*2022-01-13/);
    const announced = only("On Monday, the Kremlin said it would pull out its forces by the end of the month.");
    expect(announced).toMatchObject({ type: "ANNOUNCEMENT", dateText: "On Monday", datePrecision: "DAY" });
    expect(day(announced.startDate)).toBe("2022-01-03");
  });

  test("an act that happened stays what it is", () => {
    expect(only("The peacekeepers withdrew from the airport on Thursday.").type).toBe("DEPLOYMENT");
    expect(only("Russia agreed to send troops to the country on Thursday.").type).toBe("AGREEMENT");
  });
});

describe("a summit the text dates to one day, and who took part", () => {
  const published = new Date("2022-01-12T12:00:00Z");

  test("a dated summit is that day, DAY; a country that did not attend is no participant", () => {
    const e = only("Leaders of the bloc met in Minsk on 10 January for a summit that Armenia did not attend.", published);
    expect(e).toMatchObject({ type: "MEETING", datePrecision: "DAY", dateText: "on 10 January" });
    expect([day(e.startDate), day(e.endDate)]).toEqual(["2022-01-10", "2022-01-10"]);
    expect(names(e)).not.toContain("Armenia");
  });

  test("except, apart from, was not represented", () => {
    const a = only("All members apart from Armenia took part in the summit on 10 January.", published);
    expect(a).toMatchObject({ type: "MEETING", datePrecision: "DAY" });
    expect(names(a)).not.toContain("Armenia");
    const b = eventsOf("Belarus, Russia and Kazakhstan attended the summit on Monday, while Armenia was not represented.", published);
    expect(b).toHaveLength(1);
    expect(names(b[0])).toEqual(expect.arrayContaining(["Belarus", "Russia", "Kazakhstan"]));
    expect(names(b[0])).not.toContain("Armenia");
    const c = only("Russia, Belarus and Kazakhstan held a summit in Moscow on Monday without Armenia.", published);
    expect(names(c)).toEqual(expect.arrayContaining(["Russia", "Belarus", "Kazakhstan"]));
    expect(names(c)).not.toContain("Armenia");
    const d = only("The summit, held in Minsk on January 10, brought together every member except Armenia and Tajikistan.", published);
    expect(d).toMatchObject({ type: "MEETING", datePrecision: "DAY" });
    expect(names(d)).not.toContain("Armenia");
    expect(names(d)).not.toContain("Tajikistan");
  });

  test("a country that did not attend does not make the meeting disappear", () => {
    const e = only("Armenia did not attend the summit in Minsk on Monday.", published);
    expect(e).toMatchObject({ type: "MEETING", datePrecision: "DAY" });
    expect(names(e)).not.toContain("Armenia");
  });

  test("names in a parenthetical or relative clause are not participants", () => {
    const e = only("Leaders of the bloc, which includes Russia and Belarus, met in Minsk on Monday.", published);
    expect(names(e)).toEqual([]);
  });
});

describe("confidence", () => {
  test("in 0..1; lower for hedged wording, inferred dates and inferred participants", () => {
    const plain = only("Soldiers opened fire on protesters in the capital on Thursday.");
    const hedged = only("Soldiers reportedly opened fire on protesters in the capital on Thursday.");
    const alleged = only("Soldiers allegedly opened fire on protesters in the capital on Thursday.");
    const undated = only("Soldiers opened fire on protesters in the capital.");
    for (const e of [plain, hedged, alleged, undated]) {
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
    expect(hedged.confidence).toBeLessThan(plain.confidence);
    expect(alleged.confidence).toBeLessThan(plain.confidence);
    expect(undated.confidence).toBeLessThan(plain.confidence);
    const merged = eventsOf("CSTO leaders will hold a summit in Moscow on Monday. President Vladimir Putin will take part in the summit.");
    const alone = eventsOf("CSTO leaders will hold a summit in Moscow on Monday.");
    expect(merged).toHaveLength(1);
    expect(names(merged[0])).toContain("Vladimir Putin");
    expect(merged[0].confidence).toBeLessThan(alone[0].confidence);
  });
});

describe("not events", () => {
  test("negated, speculative, adjectives, tallies, announced figures", () => {
    for (const text of [
      "Troops did not open fire on the crowd.",
      "Protests could spread to other cities.",
      "Officials may have detained the journalist.",
      "Security forces have killed 300 protesters since the coup.",
      "The ministry confirmed that 40 people had died.",
      "The number of those detained has risen to 900.",
      "Officials later confirmed the higher figure.",
      "Reports that more than 20 people had been confirmed dead were denied.",
    ]) {
      expect(eventsOf(text)).toEqual([]);
    }
    const e = only("Protesters marched in support of the detained leader on Friday.");
    expect(e.type).toBe("PROTEST");
  });
});

describe("common wire phrasings", () => {
  test("tear gas, a car bomb, raised prices, withdrawn troops", () => {
    const published = new Date("2022-03-16T10:00:00Z");
    expect(only("Police fired tear gas at demonstrators in the capital on Tuesday, witnesses said.", published)).toMatchObject({
      type: "VIOLENCE",
      title: "Police fired tear gas at demonstrators in the capital",
      datePrecision: "DAY",
    });
    expect(only("A car bomb exploded outside a police station in the north, killing four people.", published).type).toBe("VIOLENCE");
    const prices = only("The government raised fuel prices by 50 percent on January 1.", published);
    expect(prices).toMatchObject({ type: "ECONOMIC_CHANGE", datePrecision: "DAY" });
    expect(day(prices.startDate)).toBe("2022-01-01");
    expect(only("The army said its troops had withdrawn from three villages near the border.", published).type).toBe("DEPLOYMENT");
  });

  test("a past act is not dated by the future date of its object", () => {
    const e = only("Opposition leaders called for a general strike next week.", new Date("2022-03-16T10:00:00Z"));
    expect(e).toMatchObject({ type: "POLITICAL_REQUEST", dateText: null, datePrecision: "APPROXIMATE" });
    expect(day(e.startDate)).toBe("2022-03-16");
  });
});

describe("cost", () => {
  test("2 MB of hostile text is read in linear time", () => {
    const unit = "Police detained protesters, who, which, that, and, Armenia, Russia, except Belarus on Monday 5 January yesterday; troops will deploy ";
    const noStops = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const many = "Protesters stormed the office in Almaty on Wednesday. ".repeat(20_000);
    const started = Date.now();
    extractEvents(noStops, SUNDAY);
    extractEvents(many, SUNDAY);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
