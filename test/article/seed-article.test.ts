// The seed article comes back over HTTP exactly as the reference reading has it.
import fs from "node:fs";
import path from "node:path";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/rt-2022-01-09-csto-summit-kazakhstan.txt"), "utf8");

async function seedArticle() {
  // The root list filtered by crisis rather than `crisis { articles }`: one level less, within the
  // default depth limit of 6 (edges and node count as levels); `first` a variable, as clients send it.
  const crisis = await server.query(`{ crisis(slug: "kazakhstan-unrest-2022") { id } }`);
  const response = await server.query(`query ($crisisId: ID, $first: Int) {
      articles(first: $first, filter: { crisisId: $crisisId }) {
        totalCount
        edges { node {
          id headline alternativeHeadline section language publishedAt publishedText url body
          publisher { name copyrightHolder country { isoCode } }
          images { caption credit title }
          relatedLinks { title }
          mentionedPeople { name }
          mentionedPlaces { name kind }
          events { type title startDate endDate datePrecision dateText quote quoteStart quoteEnd places { name } }
          casualtyStatistics {
            category affectedGroup affectedGroupText qualifier figureText low best high reportedAt
            quote quoteStart quoteEnd reviewStatus
            claimant { name kind } place { name } article { id }
          }
        } }
      }
  }`, { crisisId: crisis.data!.crisis.id, first: 10 });
  expect(response.errors).toBeUndefined();
  const { articles } = response.data!;
  expect(articles.totalCount).toBe(1);
  return articles.edges[0].node;
}

test("the article: headline, standfirst, section, time, publisher, image, related link", async () => {
  const article = await seedArticle();
  expect(article).toMatchObject({
    headline: "Date of key allied summit on Kazakhstan crisis announced",
    alternativeHeadline: "The Russian-led CSTO security bloc earlier deployed peacekeepers to the Central Asian country",
    section: "Russia & FSU",
    language: "en",
    publishedAt: "2022-01-09T12:13:00.000Z",
    publishedText: "9 Jan, 2022 12:13",
    publisher: { name: "RT", copyrightHolder: "Autonomous Nonprofit Organization “TV-Novosti”", country: { isoCode: "RU" } },
    images: [{ caption: "A car burnt during clashes in the streets of Almaty, Kazakhstan.", credit: "AP / Vasily Krestyaninov" }],
    relatedLinks: [{ title: "RT crew joins Russian peacekeepers in Kazakhstan (VIDEO)" }],
  });
  expect(article.mentionedPeople.map((p: { name: string }) => p.name)).toEqual(
    expect.arrayContaining(["Nikol Pashinyan", "Dmitry Peskov", "Vladimir Putin", "Kassym-Jomart Tokayev"]),
  );
  expect(article.mentionedPlaces.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["Kazakhstan", "Almaty", "Zhanaozen", "Aktau"]));
});

test("the body is the nine paragraphs of the page, chrome and the related link removed", async () => {
  const { body } = await seedArticle();
  const paragraphs = body.split("\n\n");
  expect(paragraphs).toHaveLength(9);
  expect(paragraphs[0]).toMatch(/^Leaders from the member states of the CSTO Security Council/);
  expect(paragraphs[8]).toMatch(/has exceeded 5,000\.$/);
  for (const paragraph of paragraphs) expect(fixture).toContain(paragraph);
  for (const chrome of ["Read more", "Top stories", "RT Explainers", "Accept cookies", "RT crew joins", "icon bookmark"]) {
    expect(body).not.toContain(chrome);
  }
});

test("five casualty claims, each with its exact sentence, offsets, qualifier, figures and claimant", async () => {
  const article = await seedArticle();
  const claims = article.casualtyStatistics;
  for (const claim of claims) {
    expect(article.body.slice(claim.quoteStart, claim.quoteEnd)).toBe(claim.quote);
    expect(claim.reportedAt).toBe("2022-01-09");
    expect(claim.place).toEqual({ name: "Kazakhstan" });
    expect(claim.article).toEqual({ id: article.id });
  }
  const summary = claims.map((c: any) => [c.category, c.affectedGroup, c.qualifier, c.low, c.best, c.high, c.claimant.name, c.figureText]);
  expect(summary).toEqual([
    ["INJURED", "ALL", "AROUND", 1000, 1000, null, "United Nations", "Around 1,000"],
    ["KILLED", "SECURITY_FORCES", "AT_LEAST", 18, 18, null, "Ministry of Internal Affairs of Kazakhstan", "at least 18"],
    ["WOUNDED", "SECURITY_FORCES", "OVER", 1300, 1300, null, "Ministry of Internal Affairs of Kazakhstan", "over 1,300"],
    ["KILLED", "RIOTERS", "SEVERAL_DOZEN", 24, 24, null, "Media reports", "several dozen"],
    ["DETAINED", "ALL", "EXCEEDED", 5000, 5000, null, "Media reports", "has exceeded 5,000"],
  ]);
  expect(claims[0].quote).toBe("Around 1,000 people have been injured during the unrest, according to UN estimates.");
  expect(claims[1].quote).toBe(
    "The Interior Ministry said that at least 18 police officers and military personnel have died, with over 1,300 wounded.",
  );
  expect(claims[4].quote).toBe(
    "Judging by reports, several dozen rioters have also been killed, while the number of those detains has exceeded 5,000.",
  );
});

test("nine events in time order with resolved dates and precision", async () => {
  const { events, body } = await seedArticle();
  expect(events).toHaveLength(9);
  for (const event of events) {
    expect(body.slice(event.quoteStart, event.quoteEnd)).toBe(event.quote);
  }
  const dated = events.map((e: any) => [e.type, e.startDate, e.endDate, e.datePrecision]);
  expect(dated).toEqual([
    ["ECONOMIC_CHANGE", "2022-01-01", "2022-01-01", "APPROXIMATE"],
    ["PROTEST", "2022-01-01", "2022-01-03", "APPROXIMATE"],
    ["RIOT", "2022-01-02", "2022-01-05", "RANGE"],
    ["POLITICAL_REQUEST", "2022-01-05", "2022-01-05", "DAY"],
    ["DEPLOYMENT", "2022-01-06", "2022-01-06", "DAY"],
    ["DEPLOYMENT", "2022-01-06", "2022-01-09", "RANGE"],
    ["ANNOUNCEMENT", "2022-01-08", "2022-01-09", "RANGE"],
    ["ANNOUNCEMENT", "2022-01-09", "2022-01-09", "DAY"],
    ["MEETING", "2022-01-10", "2022-01-10", "DAY"],
  ]);
  expect(events[3].dateText).toBe("on Wednesday");
  expect(events[4].dateText).toBe("the next day");
  expect(events[7].dateText).toBe("Later on Sunday");
  expect(events[8].dateText).toBe("on Monday");
  expect(events[1].places.map((p: { name: string }) => p.name).sort()).toEqual(["Aktau", "Zhanaozen"]);
});
