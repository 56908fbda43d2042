// Date phrases resolved against the publication day: the rules of dates.ts
// that the event tests do not reach. Invented phrases only.
import { findDates, isPastTense, resolveDate, type DateContext } from "../../src/ingest/dates";

const day = (date: Date) => date.toISOString().slice(0, 10);
const span = (phrase: string, publishedAt: string, extra: Partial<DateContext> = {}) => {
  const r = resolveDate(phrase, { publishedAt: new Date(`${publishedAt}T12:00:00Z`), ...extra });
  return r ? `${day(r.startDate)}..${day(r.endDate)} ${r.precision}` : null;
};

describe("weeks", () => {
  test("last week is the calendar week (Sunday..Saturday) before the publication week", () => {
    expect(span("last week", "2022-01-09")).toBe("2022-01-02..2022-01-08 RANGE"); // Sunday
    expect(span("last week's unrest", "2022-01-09")).toBe("2022-01-02..2022-01-08 RANGE");
    expect(span("last week", "2022-01-12")).toBe("2022-01-02..2022-01-08 RANGE"); // Wednesday
    expect(span("last week", "2022-01-15")).toBe("2022-01-02..2022-01-08 RANGE"); // Saturday
    expect(span("last week", "2022-01-16")).toBe("2022-01-09..2022-01-15 RANGE"); // the next Sunday
  });

  test("a week ago is approximate", () => {
    expect(span("a week ago", "2022-01-09")).toBe("2021-12-31..2022-01-04 APPROXIMATE");
  });
});

describe("days without a year", () => {
  test("past tense: never after publication", () => {
    expect(span("on January 5", "2022-01-02", { past: true })).toBe("2021-01-05..2021-01-05 DAY");
    expect(span("5 January", "2022-01-02", { past: true })).toBe("2021-01-05..2021-01-05 DAY");
    expect(span("on April 19", "2022-12-16", { past: true })).toBe("2022-04-19..2022-04-19 DAY");
    expect(span("on December 30", "2022-01-02", { past: true })).toBe("2021-12-30..2021-12-30 DAY");
  });

  test("future tense: never before publication", () => {
    expect(span("on December 30", "2022-01-02", { future: true })).toBe("2022-12-30..2022-12-30 DAY");
    expect(span("on January 5", "2022-01-02", { future: true })).toBe("2022-01-05..2022-01-05 DAY");
  });

  test("no tense: the nearest, restricted by a printed weekday", () => {
    expect(span("on January 5", "2022-01-02")).toBe("2022-01-05..2022-01-05 DAY");
    expect(span("on April 19 (Tuesday)", "2022-12-16")).toBe("2022-04-19..2022-04-19 DAY");
  });

  test("ordinals, 'of', times of day", () => {
    expect(span("the 5th of January", "2022-01-09", { past: true })).toBe("2022-01-05..2022-01-05 DAY");
    expect(span("on the morning of Dec. 15", "2022-12-16", { past: true })).toBe("2022-12-15..2022-12-15 DAY");
    expect(resolveDate("on the morning of Dec. 15", { publishedAt: new Date("2022-12-16") })?.dateText).toBe("on the morning of Dec. 15");
  });

  test("spans with till, and since ... till", () => {
    expect(span("since 9th June till 5th August", "2019-08-06", { past: true })).toBe("2019-06-09..2019-08-05 RANGE");
    expect(span("between June 9 and Aug. 5", "2019-08-06", { past: true })).toBe("2019-06-09..2019-08-05 RANGE");
  });

  test("impossible days are not dates", () => {
    expect(span("February 30", "2022-03-01")).toBeNull();
  });
});

describe("months relative to publication", () => {
  test("earlier this month, earlier in the publication month, later this month", () => {
    expect(span("earlier this month", "2022-01-20")).toBe("2022-01-01..2022-01-20 RANGE");
    expect(span("Earlier in January", "2022-01-10")).toBe("2022-01-01..2022-01-10 RANGE");
    expect(span("earlier in March", "2022-11-10")).toBe("2022-03-01..2022-03-31 MONTH");
    expect(span("later this month", "2022-01-20", { future: true })).toBe("2022-01-20..2022-01-31 RANGE");
  });

  test("parts of this / last month", () => {
    expect(span("in the middle of this month", "2023-04-24")).toBe("2023-04-11..2023-04-20 APPROXIMATE");
    expect(span("since the middle of this month", "2023-04-24")).toBe("2023-04-11..2023-04-24 RANGE");
    expect(span("at the end of last month", "2023-04-24")).toBe("2023-03-21..2023-03-31 APPROXIMATE");
  });
});

describe("relative days", () => {
  test("yesterday, last night, the day before (no anchor: before publication)", () => {
    expect(span("yesterday", "2022-01-09")).toBe("2022-01-08..2022-01-08 DAY");
    expect(span("last night", "2022-01-09")).toBe("2022-01-08..2022-01-08 DAY");
    expect(span("the day before.", "2022-01-09")).toBe("2022-01-08..2022-01-08 DAY");
    expect(span("the day before the vote", "2022-01-09")).toBeNull();
  });
});

describe("tense and size", () => {
  test("past tense markers", () => {
    expect(isPastTense("Police detained dozens of people.")).toBe(true);
    expect(isPastTense("The protests began in the capital.")).toBe(true);
    expect(isPastTense("Police say the situation is calm.")).toBe(false);
  });

  test("a long hostile text is searched in linear time", () => {
    const text = "Monday 5 January yesterday 12/12/2021 the next day ".repeat(20_000) + "x".repeat(500_000);
    const started = Date.now();
    const found = findDates(text, { publishedAt: new Date("2022-01-09T12:00:00Z") });
    expect(found.length).toBeGreaterThan(20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
