// The soak's synthetic news pages: article n is always the same text, with
// the casualty figures it states known up front, so what the database holds
// after the run can be checked against what was sent, claim by claim.
import type { AffectedGroup, CasualtyCategory } from "crisis-graph/dev";

export const SOAK_CRISIS = "kazakhstan-unrest-2022";
export const SOAK_PUBLISHER = "Soak Wire";
export const SOAK_URL_PREFIX = "https://soak.example/articles/";

export interface ExpectedClaim {
  category: CasualtyCategory;
  affectedGroup: AffectedGroup;
  best: number;
}

export interface SoakArticle {
  n: number;
  url: string;
  text: string;
  headline: string;
  /** The figures the text states, in text order: exactly what must be stored, once. */
  claims: ExpectedClaim[];
}

const CITIES = ["Almaty", "Aktobe", "Taraz", "Shymkent", "Taldykorgan", "Zhanaozen"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const FILLER = [
  "Shops in the city centre stayed closed and public transport ran on a reduced timetable.",
  "Residents queued for bread and fuel as the internet returned for a few hours.",
  "The airport remained closed to civilian flights, according to its operator.",
  "Foreign embassies advised their citizens to stay at home and avoid the main squares.",
];

/** A figure that reads as a count, never as a year (the extractor leaves years alone). */
function figure(n: number, salt: number, low: number, span: number): number {
  const value = low + ((n * salt + salt) % span);
  return value >= 1900 && value <= 2100 ? value + 250 : value;
}

const count = (value: number) => value.toLocaleString("en-US");

export function soakArticle(n: number): SoakArticle {
  const city = CITIES[n % CITIES.length];
  const day = 2 + (n % 26);
  const headline = `Soak report ${n}: authorities update figures for the unrest in ${city}`;
  // Which figures this page states: every page at least one, a third of them all three.
  const which = 1 + (n % 7);
  const claims: ExpectedClaim[] = [];
  const lines = [
    `${day} Jan, 2022 ${String(8 + (n % 12)).padStart(2, "0")}:${String((n * 7) % 60).padStart(2, "0")}`,
    "",
    headline,
    "",
    `Officials in ${city} gave new figures on the unrest of early January`,
    "",
    FILLER[n % FILLER.length],
  ];
  if (which & 1) {
    const killed = figure(n, 7, 3, 40);
    claims.push({ category: "KILLED", affectedGroup: "SECURITY_FORCES", best: killed });
    lines.push("", `The Interior Ministry said that ${count(killed)} police officers and military personnel have been killed in the unrest.`);
  }
  if (which & 2) {
    const detained = figure(n, 37, 120, 9000);
    claims.push({ category: "DETAINED", affectedGroup: "ALL", best: detained });
    lines.push("", `More than ${count(detained)} people have been detained, the ministry said.`);
  }
  if (which & 4) {
    const injured = figure(n, 13, 5, 600);
    claims.push({ category: "INJURED", affectedGroup: "CIVILIANS", best: injured });
    lines.push("", `At least ${count(injured)} civilians were injured, the health ministry said.`);
  }
  lines.push("", `On ${WEEKDAYS[n % WEEKDAYS.length]}, protesters gathered outside the mayor's office in ${city}.`);
  lines.push("", FILLER[(n + 1) % FILLER.length]);
  return { n, url: `${SOAK_URL_PREFIX}${n}`, text: lines.join("\n"), headline, claims };
}
