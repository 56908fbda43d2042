// Event extraction and date resolution: pure unit tests (no database).
import fs from "node:fs";
import path from "node:path";
import { extractEvents } from "../../src/ingest/extract-events";
import { findDate, findDates, isFutureTense, resolveDate, type DateRange } from "../../src/ingest/dates";

interface SeedEvent {
  type: string;
  title: string;
  startDate: string;
  endDate: string;
  datePrecision: string;
  dateText: string | null;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
}

const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "../../prisma/seed/kazakhstan-2022.json"), "utf8"));
const article: { body: string; publishedAt: string; events: SeedEvent[] } = seed.articles[0];
const PUBLISHED = new Date("2022-01-09T12:13:00.000Z"); // a Sunday

const day = (date: Date) => date.toISOString().slice(0, 10);
const resolve = (phrase: string, future = false, anchor: DateRange | null = null) =>
  resolveDate(phrase, { publishedAt: PUBLISHED, future, anchor });
const span = (phrase: string, future = false, anchor: DateRange | null = null) => {
  const r = resolve(phrase, future, anchor);
  return r ? `${day(r.startDate)}..${day(r.endDate)} ${r.precision}` : null;
};
const anchorOn = (start: string, end = start, precision: DateRange["precision"] = "DAY"): DateRange => ({
  startDate: new Date(`${start}T00:00:00Z`),
  endDate: new Date(`${end}T00:00:00Z`),
  precision,
});
const eventsOf = (text: string, publishedAt = PUBLISHED) => extractEvents(text, publishedAt);
const only = (text: string) => {
  const events = eventsOf(text);
  expect(events).toHaveLength(1);
  return events[0];
};

describe("extractEvents on the seed article", () => {
  const events = extractEvents(article.body, new Date(article.publishedAt));

  test("nine events, in the JSON's order, equal in type, dates, precision, dateText, quote and offsets", () => {
    expect(article.events).toHaveLength(9);
    expect(
      events.map((e) => ({
        type: e.type,
        startDate: day(e.startDate),
        endDate: day(e.endDate),
        datePrecision: e.datePrecision,
        dateText: e.dateText,
        quote: e.quote,
        quoteStart: e.quoteStart,
        quoteEnd: e.quoteEnd,
      })),
    ).toEqual(
      article.events.map((e) => ({
        type: e.type,
        startDate: e.startDate,
        endDate: e.endDate,
        datePrecision: e.datePrecision,
        dateText: e.dateText,
        quote: e.quote,
        quoteStart: e.quoteStart,
        quoteEnd: e.quoteEnd,
      })),
    );
  });

  test("every quote is the exact body slice", () => {
    for (const e of events) expect(article.body.slice(e.quoteStart, e.quoteEnd)).toBe(e.quote);
  });

  test("dates are UTC midnights", () => {
    for (const e of events) {
      expect(e.startDate.toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(e.endDate.toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
  });

  test("titles are generated, and name the key actor or place", () => {
    const keys = [/price/i, /Zhanaozen/, /spread|attack/i, /Tokayev/, /peacekeepers/i, /Almaty/, /Pashinyan/, /Peskov/, /conference|session|council/i];
    events.forEach((e, i) => expect(e.title).toMatch(keys[i]));
    // Titles are the sentence's own clause, trimmed: no inflected or stitched words.
    expect(events[1].title).toBe("The protests began in the cities of Zhanaozen and Aktau");
    expect(events[3].title).toBe("Kazakh President Kassym-Jomart Tokayev turned to the CSTO for assistance");
    expect(events[2].title).toBe("Demonstrators attacked police and attempted to overrun government buildings");
  });

  test("places and participants", () => {
    expect(events[1].placeNames).toEqual(expect.arrayContaining(["Zhanaozen", "Aktau"]));
    expect(events[5].placeNames).toContain("Almaty");
    expect(events[3].participants).toContainEqual({ name: "Kassym-Jomart Tokayev", role: "requester" });
    expect(events[3].participants).toContainEqual({ name: "CSTO", role: "addressee" });
    expect(events[4].participants).toContainEqual({ name: "Russia", role: "troop contributor" });
    expect(events[7].participants).toContainEqual({ name: "Dmitry Peskov", role: "spokesperson" });
    expect(events[6].participants).toContainEqual({ name: "Nikol Pashinyan", role: "announcer" });
    // The undated mention "Putin will take part in the ... session" joins the Monday meeting.
    expect(events[8].participants).toContainEqual({ name: "Vladimir Putin", role: "participant" });
    expect(events[8].participants).toContainEqual({ name: "Kremlin", role: "source" });
  });

  test("confidence is in 0..1 and lower for inferred dates", () => {
    for (const e of events) {
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
    expect(events[3].confidence).toBeGreaterThan(events[2].confidence);
    expect(events[0].confidence).toBeLessThan(events[1].confidence);
  });

  test("inferred dates say how they were inferred", () => {
    expect(events[0].description).toMatch(/first possible day/);
    expect(events[2].description).toMatch(/Undated/);
    expect(events[3].description).toBeNull();
  });
});

describe("dates", () => {
  test("a weekday in the past tense is the most recent one (chrono alone would say 12 Jan)", () => {
    expect(span("on Wednesday")).toBe("2022-01-05..2022-01-05 DAY");
    expect(resolve("on Wednesday")?.dateText).toBe("on Wednesday");
    expect(span("on Monday")).toBe("2022-01-03..2022-01-03 DAY");
  });

  test("a weekday in the future tense is the next one", () => {
    expect(span("on Monday", true)).toBe("2022-01-10..2022-01-10 DAY");
    expect(span("on Wednesday", true)).toBe("2022-01-12..2022-01-12 DAY");
  });

  test("last / next weekday ignore the tense", () => {
    expect(span("last Wednesday", true)).toBe("2022-01-05..2022-01-05 DAY");
    expect(span("last Sunday")).toBe("2022-01-02..2022-01-02 DAY");
    expect(span("next Monday")).toBe("2022-01-10..2022-01-10 DAY");
  });

  test("tense markers", () => {
    expect(isFutureTense("Leaders will hold a virtual conference on Monday, the Kremlin has confirmed.")).toBe(true);
    expect(isFutureTense("The summit is due to take place on Monday.")).toBe(true);
    expect(isFutureTense("Talks are set to resume on Friday.")).toBe(true);
    expect(isFutureTense("Tokayev turned to the CSTO for assistance on Wednesday.")).toBe(false);
  });

  test("the publication weekday is the publication day, in either tense", () => {
    expect(resolve("Later on Sunday")).toMatchObject({ dateText: "Later on Sunday", precision: "DAY" });
    expect(span("Later on Sunday")).toBe("2022-01-09..2022-01-09 DAY");
    expect(span("on Sunday", true)).toBe("2022-01-09..2022-01-09 DAY");
  });

  test("the next day chains on the previous dated event", () => {
    expect(span("the next day", false, anchorOn("2022-01-05"))).toBe("2022-01-06..2022-01-06 DAY");
    expect(span("the following day", false, anchorOn("2022-01-05"))).toBe("2022-01-06..2022-01-06 DAY");
    expect(span("two days later", false, anchorOn("2022-01-05"))).toBe("2022-01-07..2022-01-07 DAY");
    expect(span("the previous day", false, anchorOn("2022-01-05"))).toBe("2022-01-04..2022-01-04 DAY");
    expect(span("the next day", false, anchorOn("2022-01-01", "2022-01-03", "APPROXIMATE"))).toBe("2022-01-02..2022-01-04 APPROXIMATE");
    expect(resolve("the next day")).toBeNull();
  });

  test("the first days of a year or month, early / mid / late month: APPROXIMATE", () => {
    expect(resolve("on the first days of 2022")).toMatchObject({ dateText: "on the first days of 2022" });
    expect(span("on the first days of 2022")).toBe("2022-01-01..2022-01-03 APPROXIMATE");
    expect(span("in the first days of January")).toBe("2022-01-01..2022-01-03 APPROXIMATE");
    expect(span("in early January")).toBe("2022-01-01..2022-01-10 APPROXIMATE");
    expect(span("in mid-December")).toBe("2021-12-11..2021-12-20 APPROXIMATE");
    expect(span("late December")).toBe("2021-12-21..2021-12-31 APPROXIMATE");
    expect(span("at the end of December")).toBe("2021-12-21..2021-12-31 APPROXIMATE");
  });

  test("explicit dates in several formats: DAY", () => {
    for (const phrase of ["January 5", "5 Jan", "2022-01-05", "Jan. 5, 2022", "5 January 2022", "on Wednesday, January 5"]) {
      expect(span(phrase)).toBe("2022-01-05..2022-01-05 DAY");
    }
    expect(resolve("on January 5")?.dateText).toBe("on January 5");
    expect(span("on December 28")).toBe("2021-12-28..2021-12-28 DAY");
    expect(span("on Monday, January 10")).toBe("2022-01-10..2022-01-10 DAY");
  });

  test("relative days through chrono", () => {
    expect(span("yesterday")).toBe("2022-01-08..2022-01-08 DAY");
    expect(span("two days ago")).toBe("2022-01-07..2022-01-07 DAY");
  });

  test("weeks, since, between: RANGE", () => {
    // The calendar week (Sun..Sat) before the publication week: in this Sunday paper, the week just ended.
    expect(span("last week")).toBe("2022-01-02..2022-01-08 RANGE");
    expect(span("this week")).toBe("2022-01-03..2022-01-09 RANGE");
    expect(span("next week", true)).toBe("2022-01-10..2022-01-16 RANGE");
    expect(span("over the weekend")).toBe("2022-01-01..2022-01-02 RANGE");
    expect(span("since January 2")).toBe("2022-01-02..2022-01-09 RANGE");
    expect(resolve("since January 2")?.dateText).toBe("since January 2");
    expect(span("between 2 and 5 January")).toBe("2022-01-02..2022-01-05 RANGE");
    expect(span("from 30 December to 2 January")).toBe("2021-12-30..2022-01-02 RANGE");
    expect(span("January 2-5")).toBe("2022-01-02..2022-01-05 RANGE");
  });

  test("month only and year only", () => {
    expect(span("in January 2022")).toBe("2022-01-01..2022-01-31 MONTH");
    expect(span("in March")).toBe("2021-03-01..2021-03-31 MONTH");
    expect(span("in March", true)).toBe("2022-03-01..2022-03-31 MONTH");
    expect(span("last month")).toBe("2021-12-01..2021-12-31 MONTH");
    expect(span("in 2021")).toBe("2021-01-01..2021-12-31 YEAR");
  });

  test("calendar days are UTC days", () => {
    // 23:30 in New York on Sunday 9 Jan is Monday 10 Jan in UTC.
    const late = new Date("2022-01-09T23:30:00-05:00");
    const r = resolveDate("on Monday", { publishedAt: late });
    expect(r && day(r.startDate)).toBe("2022-01-10");
    expect(r?.startDate.toISOString()).toBe("2022-01-10T00:00:00.000Z");
  });

  test("findDate locates the first phrase; numbers and modal verbs are not dates", () => {
    const text = "Tokayev turned to the CSTO for assistance on Wednesday, as protests swept the country after New Year’s.";
    const found = findDate(text, { publishedAt: PUBLISHED });
    expect(found && text.slice(found.index, found.index + found.dateText.length)).toBe("on Wednesday");
    expect(findDates("a city of around 2 million people", { publishedAt: PUBLISHED })).toEqual([]);
    expect(findDates("He said protests may spread.", { publishedAt: PUBLISHED })).toEqual([]);
    expect(resolve("on 5 Jan.")?.dateText).toBe("on 5 Jan");
  });
});

describe("extractEvents on other copy", () => {
  test("ECONOMIC_CHANGE: subsidy end, approximate month part", () => {
    const e = only("The government scrapped fuel subsidies in early January.");
    expect(e).toMatchObject({ type: "ECONOMIC_CHANGE", datePrecision: "APPROXIMATE", dateText: "in early January" });
    expect(e.title).toMatch(/subsidies/);
  });

  test("PROTEST: crowd rallies, past weekday", () => {
    const e = only("Thousands of protesters rallied in Nur-Sultan on Saturday, demanding the resignation of the government.");
    expect(e).toMatchObject({ type: "PROTEST", dateText: "on Saturday", datePrecision: "DAY", placeNames: ["Nur-Sultan"] });
    expect(day(e.startDate)).toBe("2022-01-08");
  });

  test("RIOT: wire copy with a dateline (the dateline date is not the event's)", () => {
    const e = only("ALMATY, Jan 6 (Reuters) - Protesters stormed the mayor's office in Almaty and set it on fire on Wednesday.");
    expect(e).toMatchObject({ type: "RIOT", dateText: "on Wednesday", placeNames: ["Almaty"] });
    expect(day(e.startDate)).toBe("2022-01-05");
    expect(e.participants).toEqual([]);
  });

  test("VIOLENCE: security forces / gunmen, no crowd subject", () => {
    const e = only("Security forces opened fire on demonstrators in Almaty's Republic Square late on Thursday.");
    expect(e).toMatchObject({ type: "VIOLENCE", dateText: "late on Thursday" });
    expect(day(e.startDate)).toBe("2022-01-06");
    const g = only("Gunmen attacked a police station in Taraz yesterday.");
    expect(g).toMatchObject({ type: "VIOLENCE", dateText: "yesterday", placeNames: ["Taraz"] });
    expect(g.title).toBe("Gunmen attacked a police station in Taraz");
  });

  test("POLITICAL_REQUEST: state media report of a request", () => {
    const e = only("Kazakh state media reported that the president had asked the CSTO for help on Wednesday.");
    expect(e).toMatchObject({ type: "POLITICAL_REQUEST", dateText: "on Wednesday" });
    expect(e.participants).toContainEqual({ name: "CSTO", role: "addressee" });
  });

  test("AGREEMENT: signed; agreed to send troops is an agreement, not a deployment", () => {
    const e = only("A ceasefire was signed in Almaty on Saturday.");
    expect(e).toMatchObject({ type: "AGREEMENT", dateText: "on Saturday", placeNames: ["Almaty"] });
    const a = only("Russia agreed to send troops to Kazakhstan, the Kremlin said.");
    expect(a.type).toBe("AGREEMENT");
    expect(a.participants).toContainEqual({ name: "Kremlin", role: "source" });
    expect(a.participants).toContainEqual({ name: "Russia", role: "party" });
    const p = only("Kazakhstan's parliament approved the deployment on Thursday.");
    expect(p.type).toBe("AGREEMENT");
  });

  test("DEPLOYMENT: aggregator copy, arrival; a planned withdrawal is an announcement", () => {
    const e = only("TASS reported that Russian paratroopers landed at Almaty airport on Friday.");
    expect(e).toMatchObject({ type: "DEPLOYMENT", dateText: "on Friday", placeNames: ["Almaty"] });
    expect(day(e.startDate)).toBe("2022-01-07");
    expect(e.participants).toContainEqual({ name: "TASS", role: "source" });
    // A plan did not happen: dated to its announcement (here undated: the publication day, approximately).
    const w = only("The peacekeepers will begin withdrawing on Thursday.");
    expect(w).toMatchObject({ type: "ANNOUNCEMENT", dateText: null, datePrecision: "APPROXIMATE" });
    expect(day(w.startDate)).toBe("2022-01-09");
    expect(w.description).toMatch(/on Thursday.*2022-01-13/);
  });

  test("ANNOUNCEMENT: explicit date with year", () => {
    const e = only("Kazakhstan's government announced a state of emergency in Almaty on January 5, 2022.");
    expect(e).toMatchObject({ type: "ANNOUNCEMENT", dateText: "on January 5, 2022", datePrecision: "DAY" });
    expect(day(e.startDate)).toBe("2022-01-05");
  });

  test("MEETING: the same weekday in the past and the future tense", () => {
    expect(day(only("Leaders held talks on Wednesday.").startDate)).toBe("2022-01-05");
    expect(day(only("Leaders will hold talks on Wednesday.").startDate)).toBe("2022-01-12");
    const week = only("CSTO leaders will meet in Moscow next week to discuss the crisis.");
    expect(week).toMatchObject({ type: "MEETING", datePrecision: "RANGE", dateText: "next week", placeNames: ["Moscow"] });
    const summit = only("The summit is due to take place on Monday.");
    expect(day(summit.startDate)).toBe("2022-01-10");
    expect(summit.confidence).toBeLessThan(only("Leaders held talks on Wednesday.").confidence);
  });

  test("a planned meeting with no date is the announcement of the plan, not a 30-day range", () => {
    const e = only("The bloc will hold a summit to discuss the crisis.");
    expect(e).toMatchObject({ type: "ANNOUNCEMENT", datePrecision: "APPROXIMATE", dateText: null });
    expect(day(e.startDate)).toBe("2022-01-09");
    expect(day(e.endDate)).toBe("2022-01-09");
  });

  test("ARREST: a named person, abbreviated month", () => {
    const e = only("Opposition leader Mukhtar Ablyazov was arrested in Paris on 5 Jan.");
    expect(e).toMatchObject({ type: "ARREST", dateText: "on 5 Jan", placeNames: ["Paris"] });
    expect(e.participants).toContainEqual({ name: "Mukhtar Ablyazov", role: "detainee" });
  });

  test("two clauses, two events, the second chained on the first", () => {
    const events = eventsOf("Police detained dozens of protesters in Almaty on Tuesday; the next day, crowds stormed the akimat.");
    expect(events.map((e) => [e.type, day(e.startDate), e.dateText])).toEqual([
      ["ARREST", "2022-01-04", "on Tuesday"],
      ["RIOT", "2022-01-05", "the next day"],
    ]);
    expect(events[0].quote).toBe(events[1].quote);
  });

  test("a cause clause gives a second, approximate event", () => {
    const events = eventsOf("Protesters rallied in Aktau on Sunday after the arrest of activist Zhanbolat Mamay.");
    expect(events.map((e) => [e.type, day(e.startDate), e.datePrecision, e.dateText])).toEqual([
      ["ARREST", "2022-01-09", "APPROXIMATE", null],
      ["PROTEST", "2022-01-09", "DAY", "on Sunday"],
    ]);
  });

  test("a date in a trailing attribution dates the announcement of a plan, not the planned act", () => {
    const e = only("The CSTO will deploy troops to Kazakhstan, the Kremlin announced on Thursday.");
    expect(e).toMatchObject({ type: "ANNOUNCEMENT", dateText: "on Thursday", datePrecision: "DAY", placeNames: ["Kazakhstan"] });
    expect(day(e.startDate)).toBe("2022-01-06");
    expect(e.title).toBe("The CSTO will deploy troops to Kazakhstan");
    expect(e.participants).toContainEqual({ name: "Kremlin", role: "announcer" });
  });

  test("a leading cause clause", () => {
    const events = eventsOf("Following the price hike, thousands of people took to the streets.");
    // No date words and nothing to place it by: the publication day, approximately.
    expect(events.map((e) => [e.type, e.datePrecision, day(e.startDate), day(e.endDate)])).toEqual([
      ["ECONOMIC_CHANGE", "APPROXIMATE", "2022-01-09", "2022-01-09"],
      ["PROTEST", "APPROXIMATE", "2022-01-09", "2022-01-09"],
    ]);
  });

  test("undated events between dated ones get a range; offsets are exact across paragraphs", () => {
    const body = "Protests began in Zhanaozen on January 2.\n\nThey quickly spread to Almaty, where rioters set fire to the mayor's office. On Wednesday, President Kassym-Jomart Tokayev asked Russia for help.";
    const events = eventsOf(body);
    expect(events.map((e) => [e.type, day(e.startDate), day(e.endDate), e.datePrecision])).toEqual([
      ["PROTEST", "2022-01-02", "2022-01-02", "DAY"],
      ["RIOT", "2022-01-03", "2022-01-05", "RANGE"],
      ["POLITICAL_REQUEST", "2022-01-05", "2022-01-05", "DAY"],
    ]);
    for (const e of events) expect(body.slice(e.quoteStart, e.quoteEnd)).toBe(e.quote);
    expect(events[1].placeNames).toContain("Almaty");
  });

  test("no event: speech, tallies, questions, claims, descriptions", () => {
    for (const text of [
      "“We will not negotiate with terrorists,” Tokayev said on Friday.",
      "“Yes, we are preparing for Monday,” he said when asked by journalists.",
      "Around 160 people have been killed, according to the Health Ministry.",
      "More than 5,000 people have been detained, the ministry said.",
      "Judging by reports, several dozen rioters have also been killed, while the number of those detained has exceeded 5,000.",
      "The situation in Almaty remained tense.",
      "Did the CSTO intervene too late?",
      "He stated that Kazakhstan has been under attack by “terrorists” who were trained abroad.",
      "Almaty is a city of around 2 million people.",
    ]) {
      expect(eventsOf(text)).toEqual([]);
    }
  });

  test("empty body", () => {
    expect(eventsOf("")).toEqual([]);
  });
});
