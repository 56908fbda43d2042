// Claim status from the surrounding text: pure unit tests on invented sentences.
import { readStatus, type OtherFigure } from "../../src/ingest/claim-status";
import type { ClaimStatus } from "../../src/ingest/types";

/** The status of the `nth` occurrence of `figure` in `sentence`. */
function statusOf(sentence: string, figure: string, options: { following?: string[]; otherFigures?: OtherFigure[]; nth?: number } = {}): ClaimStatus {
  let start = -1;
  for (let i = 0; i <= (options.nth ?? 0); i++) start = sentence.indexOf(figure, start + 1);
  if (start < 0) throw new Error(`"${figure}" is not in the sentence`);
  return readStatus({
    sentence,
    figureStart: start,
    figureEnd: start + figure.length,
    following: options.following ?? [],
    otherFigures: options.otherFigures,
  });
}

describe("readStatus: retracted", () => {
  it.each([
    ["A toll of 40 deaths posted by the regional governor on Monday was later retracted.", "40"],
    ["The agency deleted a tweet claiming that 75 miners had been killed underground.", "75"],
    ["In a since-deleted post, the mayor said 12 residents had drowned.", "12"],
    ["The ministry said the figure of 90 dead had been published by mistake.", "90"],
    ["The bulletin listing 33 dead was blamed on a technical error.", "33"],
    ["The channel took down the message that put the number of dead at 57.", "57"],
    ["The statement reporting 64 deaths was withdrawn on Tuesday.", "64"],
  ])("%s", (sentence, figure) => {
    expect(statusOf(sentence, figure)).toBe("RETRACTED");
  });

  it("reaches a figure of an earlier clause when the later one refers back to the post", () => {
    expect(statusOf("The page said 210 people were killed, but the post was deleted hours later.", "210")).toBe("RETRACTED");
  });

  it("keeps the new figure given after the withdrawal current", () => {
    const sentence = "The ministry withdrew the figure of 30, saying 12 had died.";
    expect(statusOf(sentence, "30")).toBe("RETRACTED");
    expect(statusOf(sentence, "12")).toBe("CURRENT");
  });

  it("does not reach back over another figure of a later clause", () => {
    const sentence = "Officials said 164 died, but a later bulletin of 200 deaths was retracted.";
    expect(statusOf(sentence, "164")).toBe("CURRENT");
    expect(statusOf(sentence, "200")).toBe("RETRACTED");
  });

  it("reads a withdrawal told in the next sentence", () => {
    const sentence = "On Friday the provincial office reported that 58 people had been killed in the landslide.";
    expect(statusOf(sentence, "58", { following: ["The office later said it had never provided such figures."] })).toBe("RETRACTED");
    expect(statusOf(sentence, "58", { following: ["The post was removed within the hour."] })).toBe("RETRACTED");
    expect(statusOf(sentence, "58", { following: ["Rescue work went on overnight.", "It was later deleted from the office's channel."] })).toBe("RETRACTED");
    expect(statusOf(sentence, "58", { following: ["A regional spokesman denied publishing any casualty data."] })).toBe("RETRACTED");
  });

  it("stops at a next sentence that gives a figure of its own", () => {
    expect(
      statusOf("The office reported 58 deaths.", "58", { following: ["A second bulletin said 70 people had died.", "That bulletin was deleted."] }),
    ).toBe("CURRENT");
  });

  it("ignores withdrawal words about something else", () => {
    expect(statusOf("A technical failure at the dam killed 12 workers.", "12")).toBe("CURRENT");
    expect(statusOf("The governor was removed from his post after 14 protesters were shot dead.", "14")).toBe("CURRENT");
    expect(statusOf("The troops withdrew from the village after 9 soldiers were killed.", "9")).toBe("CURRENT");
    expect(statusOf("Rescuers removed 21 bodies from the rubble.", "21")).toBe("CURRENT");
    expect(statusOf("The hospital said 18 people died.", "18", { following: ["The city later withdrew its bid to host the games."] })).toBe("CURRENT");
  });

  it("wins over supersession when both are told", () => {
    expect(statusOf("The earlier toll of 40, which officials later retracted, was never repeated.", "40")).toBe("RETRACTED");
  });
});

describe("readStatus: superseded", () => {
  it("marks the old figure of a change, never the new one", () => {
    const rose = "The toll rose from 8 to 18 overnight.";
    expect(statusOf(rose, "8")).toBe("SUPERSEDED");
    expect(statusOf(rose, "18")).toBe("CURRENT");

    const climbed = "The initial count of seven miners had climbed to 23 by nightfall.";
    expect(statusOf(climbed, "seven")).toBe("SUPERSEDED");
    expect(statusOf(climbed, "23")).toBe("CURRENT");

    const corrected = "Officials revised the death toll down to 45, correcting the earlier reported toll of 61.";
    expect(statusOf(corrected, "61")).toBe("SUPERSEDED");
    expect(statusOf(corrected, "45")).toBe("CURRENT");

    const instead = "There were 90 dead rather than 140 as first stated.";
    expect(statusOf(instead, "140")).toBe("SUPERSEDED");
    expect(statusOf(instead, "90")).toBe("CURRENT");

    const reversed = "The ministry cut the number of injured to 70 from 95.";
    expect(statusOf(reversed, "95")).toBe("SUPERSEDED");
    expect(statusOf(reversed, "70")).toBe("CURRENT");
  });

  it.each([
    ["The count of detainees now stands at 310, up from 120 on Tuesday.", "120"],
    ["The earlier figure of 27 wounded was based on a single hospital.", "27"],
    ["The wounded numbered 150 and not 210 as the council had said.", "210"],
    ["The police had earlier said 14 people were detained.", "14"],
    ["The regional government previously reported at least 300 injured.", "at least 300"],
    ["An earlier bulletin from the civil defence agency put the number of dead at 52.", "52"],
    ["Medics initially said that 17 people had been hurt.", "17"],
  ])("%s", (sentence, figure) => {
    expect(statusOf(sentence, figure)).toBe("SUPERSEDED");
  });

  it("needs a different figure of the category when the caller lists the others", () => {
    const sentence = "The police had earlier said 14 people were detained.";
    expect(statusOf(sentence, "14", { otherFigures: [{ value: 30, later: true }] })).toBe("SUPERSEDED");
    expect(statusOf(sentence, "14", { otherFigures: [{ value: 30, later: false }] })).toBe("SUPERSEDED");
    expect(statusOf(sentence, "14", { otherFigures: [] })).toBe("CURRENT");
    expect(statusOf(sentence, "14", { otherFigures: [{ value: 14, later: true }] })).toBe("CURRENT");
  });

  it("leaves the new figure of a sentence that also tells the old one", () => {
    const sentence = "The toll, previously put at 12, has risen to 30.";
    expect(statusOf(sentence, "12")).toBe("SUPERSEDED");
    expect(statusOf(sentence, "30")).toBe("CURRENT");
    expect(statusOf("Medics previously said 17 were hurt, and the latest count is 25.", "25")).toBe("CURRENT");
  });

  it("is not fooled by 'previously' about something else or a past event", () => {
    expect(statusOf("The ministry said it previously sent 40 medics to the town, where 11 people died.", "11")).toBe("CURRENT");
    expect(statusOf("The ministry said it had previously warned of unrest; 16 people were killed on Monday.", "16")).toBe("CURRENT");
    expect(statusOf("Previously, a flood in the same valley killed 200 people.", "200")).toBe("CURRENT");
    expect(statusOf("Gunmen killed 12 people from 3 families.", "3")).toBe("CURRENT");
  });
});

describe("readStatus: disputed", () => {
  it.each([
    ["The opposition leader disputed the governor's claim that only four people had died in the clashes.", "four"],
    ["The army denied that 15 of its soldiers were killed.", "15"],
    ["Rights groups rejected reports that 200 protesters were detained.", "200"],
    ["Hospital staff said 27 patients died, a figure the health ministry disputes.", "27"],
    ["The governor said 31 people were hurt, which the protest organisers denied.", "31"],
    ["Officials said nine people were killed, but residents say the real number is far higher.", "nine"],
    ["The true toll is much higher than the official figure of 44, the union said.", "44"],
    ["Village elders questioned the accuracy of the army's tally of 13 dead.", "13"],
  ])("%s", (sentence, figure) => {
    expect(statusOf(sentence, figure)).toBe("DISPUTED");
  });

  it("marks the contested figure, not the disputer's own", () => {
    const contrary = "Contrary to the police claim of three deaths, volunteers counted 19 bodies.";
    expect(statusOf(contrary, "three")).toBe("DISPUTED");
    expect(statusOf(contrary, "19")).toBe("CURRENT");

    const union = "The union disputed the official toll of 11, saying at least 40 workers died.";
    expect(statusOf(union, "11")).toBe("DISPUTED");
    expect(statusOf(union, "at least 40")).toBe("CURRENT");

    const real = "Activists said the real number was 80, not the 35 the council gave.";
    expect(statusOf(real, "80")).toBe("CURRENT");
  });

  it("reads a dispute told in the next sentences", () => {
    const sentence = "The interior ministry said 6 officers were wounded.";
    expect(statusOf(sentence, "6", { following: ["Witnesses questioned the figure."] })).toBe("DISPUTED");
    expect(statusOf(sentence, "6", { following: ["The figure was challenged by the bar association."] })).toBe("DISPUTED");
    expect(statusOf(sentence, "6", { following: ["Doctors at the scene say the real toll is much higher."] })).toBe("DISPUTED");
    expect(statusOf(sentence, "6", { following: ["Witnesses said 20 were hurt.", "The ministry rejected that figure."] })).toBe("CURRENT");
  });

  it("reads a denial of losses against the figure of the denying side only", () => {
    const sentence = "Rebel commanders said 20 Ruritanian soldiers and 3 of their own fighters were killed in the ambush.";
    const following = ["Mortar fire continued into the night.", "Ruritania's defence ministry denied any casualties among its troops."];
    expect(statusOf(sentence, "20", { following })).toBe("DISPUTED");
    expect(statusOf(sentence, "3", { following })).toBe("CURRENT");
    expect(statusOf(sentence, "20", { following: ["Borduria's army denied any losses."] })).toBe("CURRENT");
  });

  it("ignores 'denied', 'disputed' and 'questioned' about something else", () => {
    expect(statusOf("Police denied beating her, but 3 people were hurt in the crush.", "3")).toBe("CURRENT");
    expect(statusOf("Police denied beating the woman and said 14 officers were injured.", "14")).toBe("CURRENT");
    expect(statusOf("A judge denied bail to 12 protesters arrested on Friday.", "12")).toBe("CURRENT");
    expect(statusOf("Fighting in the disputed region killed 8 soldiers.", "8")).toBe("CURRENT");
    expect(statusOf("Police questioned 12 suspects after the blast that killed 5 people.", "5")).toBe("CURRENT");
    expect(statusOf("Twelve people were arrested, and officials rejected reports of torture.", "Twelve")).toBe("CURRENT");
    expect(statusOf("The number of residents who questioned the mayor rose after 7 people died.", "7")).toBe("CURRENT");
    expect(statusOf("Four people died, the report said, adding that police denied firing.", "Four")).toBe("CURRENT");
  });

  it("does not read 'contradicting reports' as a dispute of those reports", () => {
    const sentence = "The president announced that 30 people had died, contradicting reports that more than 50 were killed.";
    expect(statusOf(sentence, "30")).toBe("CURRENT");
    expect(statusOf(sentence, "more than 50")).toBe("CURRENT");
  });
});

describe("readStatus: current", () => {
  it.each([
    ["At least 18 people were killed in the blast, the ministry said.", "At least 18"],
    ["Around 1,000 people were injured and 40 remain in hospital.", "Around 1,000"],
    ["The death toll rose to 56 on Sunday.", "56"],
    ["Police said they had detained nearly 8,000 people.", "nearly 8,000"],
  ])("%s", (sentence, figure) => {
    expect(statusOf(sentence, figure, { following: ["Clashes continued in the north.", "The curfew was extended."] })).toBe("CURRENT");
  });
});

describe("readStatus: robustness", () => {
  it("stays fast on a hostile 2 MB sentence and clamps bad offsets", () => {
    const filler = "previously said the earlier figure disputed, ".repeat(45_000);
    const sentence = `${filler}12 people died ${"a".repeat(200_000)}`;
    const next = `${"the post of the ministry said that ".repeat(30_000)}${" ".repeat(100_000)}`;
    const start = sentence.indexOf("12");
    const t0 = Date.now();
    expect(readStatus({ sentence, figureStart: start, figureEnd: start + 2, following: [next, next, next] })).toBe("SUPERSEDED");
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(readStatus({ sentence: "5 people died.", figureStart: -4, figureEnd: 99, following: [] })).toBe("CURRENT");
  });
});
