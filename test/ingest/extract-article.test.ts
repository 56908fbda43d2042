// Article extraction from saved pages: the seed page against its reference
// reading, four invented pages in other outlets' styles, and the input errors.
import fs from "node:fs";
import path from "node:path";
import { ExtractionError, MAX_PAGE_BYTES, MAX_PAGE_ELEMENTS, extractArticle } from "../../src/ingest/extract-article";
import type { ExtractedArticle, PageInput } from "../../src/ingest/types";

const FIXTURES = path.join(__dirname, "../fixtures");
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), "utf8");

function expectError(input: PageInput, code: ExtractionError["code"]): ExtractionError {
  let caught: unknown;
  try {
    extractArticle(input);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ExtractionError);
  const error = caught as ExtractionError;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

describe("the seed page (RT, plain text)", () => {
  const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "../../prisma/seed/kazakhstan-2022.json"), "utf8"));
  const reference = seed.articles[0];
  const text = read("rt-2022-01-09-csto-summit-kazakhstan.txt");
  let article: ExtractedArticle;

  beforeAll(() => {
    article = extractArticle({ text });
  });

  test("metadata equals the reference reading", () => {
    expect(article.headline).toBe(reference.headline);
    expect(article.alternativeHeadline).toBe(reference.alternativeHeadline);
    expect(article.section).toBe(reference.section);
    expect(article.byline).toBe(reference.byline);
    expect(article.language).toBe(reference.language);
    expect(article.publishedAt?.toISOString()).toBe(reference.publishedAt);
    expect(article.publishedText).toBe(reference.publishedText);
    expect(article.copyrightHolder).toBe(seed.publishers[0].copyrightHolder);
    expect(article.publisherName).toBe("RT");
    expect(article.url).toBeNull();
  });

  test("the nine body paragraphs are exactly the reference body", () => {
    expect(article.paragraphs).toHaveLength(9);
    expect(article.paragraphs.join("\n\n")).toBe(reference.body);
    // Trimmed (the page has trailing NBSPs) but inner NBSPs and curly quotes kept.
    expect(article.paragraphs[3]).toContain("take\u00a0part");
    expect(article.paragraphs[3].endsWith("according to Peskov.")).toBe(true);
    expect(article.paragraphs[2]).toContain("“Yes, we are preparing for Monday,”");
  });

  test("image and related link", () => {
    const { position: _position, ...image } = reference.images[0];
    expect(article.images).toEqual([image]);
    expect(article.relatedLinks).toEqual([{ title: reference.relatedLinks[0].title, url: null }]);
  });

  test("no chrome in the body", () => {
    const body = article.paragraphs.join("\n\n");
    for (const chrome of [
      "icon",
      "HomeRussia",
      "Read more",
      "RT crew joins",
      "Top stories",
      "RT Explainers",
      "EXPLAINER",
      "Djokovic",
      "Podcasts",
      "RT News App",
      "All rights reserved",
      "TV-Novosti",
      "cookies",
      "Privacy policy",
      "©",
    ]) {
      expect(body).not.toContain(chrome);
    }
  });

  test("the page's url and publisher are used when given", () => {
    const withInput = extractArticle({ text, url: reference.url, publisher: "RT (Russia Today)" });
    expect(withInput.url).toBe(reference.url);
    expect(withInput.publisherName).toBe("RT (Russia Today)");
  });

  test("Windows line endings read the same", () => {
    expect(extractArticle({ text: text.replace(/\n/g, "\r\n") })).toEqual(article);
  });
});

describe("other outlets' pages", () => {
  test("wire agency HTML: JSON-LD, <article>, figure with credit, related coverage", () => {
    const article = extractArticle({ html: read("pages/wire-2022-01-07-almaty-security-forces.html") });
    expect(article).toEqual({
      headline: "Kazakh forces tighten grip on Almaty as president says order largely restored",
      alternativeHeadline: "Security forces patrolled the streets of Kazakhstan's largest city on Friday after a night of sporadic gunfire",
      section: "World",
      byline: "Aigul Temirkhanova and Marat Dzhaksybekov",
      language: "en-US",
      publishedAt: new Date("2022-01-07T08:32:00.000Z"),
      publishedAtSource: "METADATA",
      publishedText: "January 7, 2022 2:32 PM GMT+6",
      publishedDay: new Date("2022-01-07T00:00:00.000Z"),
      paragraphs: [
        "ALMATY, Jan 7 (Caspian Wire) - Security forces patrolled the streets of Almaty on Friday after a night of sporadic gunfire near the city's main square, as President Kassym-Jomart Tokayev said constitutional order had largely been restored across the country.",
        "In a televised address, Tokayev said he had authorised security forces to open fire without warning on those he described as armed militants, and rejected calls for talks with protesters.",
        "Residents reached by telephone described a tense calm in the city centre, where burnt-out vehicles still lined several streets. “We heard shots until about three in the morning, then it went quiet,” said Gulnara, a pharmacist who lives two blocks from the square.",
        "Supermarkets in some districts opened for a few hours, but queues formed quickly and many shelves were empty, residents said. Petrol stations remained closed.",
        "The authorities have not given a full account of casualties, and the figures released so far could not be independently verified by Caspian\u00a0Wire.",
      ],
      images: [
        {
          title: null,
          url: "https://caspianwire.example/images/2022/01/almaty-police-cordon.jpg",
          caption: "Police officers stand guard near the main square in Almaty, Kazakhstan January 7, 2022.",
          credit: "Caspian Wire/Erlan Baimukhamedov",
          // Not printed on the page: filled in from the JSON-LD ImageObject.
          copyrightNotice: "© 2022 Caspian Wire",
        },
      ],
      relatedLinks: [
        {
          title: "Kazakhstan cuts internet as fuel protests spread",
          url: "https://caspianwire.example/world/asia-pacific/kazakhstan-internet-cut-as-protests-spread-2022-01-05/",
        },
        {
          title: "Russia-led bloc agrees to send troops to Kazakhstan",
          url: "https://caspianwire.example/world/asia-pacific/csto-agrees-to-send-troops-2022-01-06/",
        },
      ],
      copyrightHolder: "Caspian Wire",
      publisherName: "Caspian Wire",
      url: "https://caspianwire.example/world/asia-pacific/kazakh-forces-tighten-grip-on-almaty-2022-01-07/",
    });
  });

  test("state-media HTML: no <article> (Readability), nav/aside/footer, cookie banner, scripts, Read more block", () => {
    const html = read("pages/state-media-2022-01-08-almaty-airport.html");
    const article = extractArticle({ html });
    expect(article).toEqual({
      headline: "Allied peacekeepers take control of Almaty airport",
      alternativeHeadline: "Flights remain suspended while troops guard the terminal, officials said",
      section: "World",
      byline: null,
      language: "en",
      publishedAt: new Date("2022-01-08T09:41:00.000Z"),
      publishedAtSource: "METADATA",
      publishedText: "8 Jan, 2022 09:41",
      publishedDay: new Date("2022-01-08T00:00:00.000Z"),
      paragraphs: [
        "Peacekeepers from the Russia-led Collective Security Treaty Organization (CSTO) have taken the airport in Kazakhstan’s largest city under guard, the bloc said in a statement on Saturday.",
        "The airport, which was briefly seized by rioters earlier in the week, will remain closed to passenger flights until further notice, according to the statement. Military transport aircraft continued to land through the night.",
        "A spokesman for the peacekeeping contingent said the troops would not take part in operations against protesters and would only protect strategic sites.",
        "“Our task is to guard infrastructure,”\u00a0the spokesman said. “Nothing more than that.”",
        "Kazakh officials said the situation in the city had stabilised, although shots were heard in several districts on Friday evening.",
      ],
      images: [
        {
          title: "Allied peacekeepers take control of Almaty airport",
          url: "https://cdn.eurasiabroadcast.example/photos/2022.01/almaty-airport.jpg",
          caption: "Armoured vehicles at the entrance to Almaty International Airport.",
          credit: "Eurasia Photo / Timur Abenov",
          copyrightNotice: "© Eurasia Photo / Timur Abenov",
        },
      ],
      relatedLinks: [
        { title: "First CSTO troops arrive in Kazakhstan", url: "https://eurasiabroadcast.example/world/10392-csto-troops-arrive-kazakhstan/" },
      ],
      copyrightHolder: "Eurasia Broadcasting Company",
      publisherName: "Eurasia Broadcast",
      url: "https://eurasiabroadcast.example/world/10417-almaty-airport-peacekeepers/",
    });
    const body = article.paragraphs.join("\n");
    for (const chrome of ["cookies", "Injected by script", "Top stories", "Tenge falls", "Read more", "Eurasia Broadcast App", "Op-ed"]) {
      expect(body).not.toContain(chrome);
    }
  });

  test("aggregator text: byline with outlet, Updated before Published, Related: list with URLs, Advertisement, Tags", () => {
    const article = extractArticle({ text: read("pages/aggregator-2022-01-11-kazakh-cabinet.txt") });
    expect(article).toEqual({
      headline: "Kazakhstan gets a new prime minister as allied troops prepare to leave",
      alternativeHeadline:
        "Parliament approved the nomination within hours, while the capital's markets and banks began to reopen after a week of disruption",
      section: "Kazakhstan",
      byline: "Aliya Serikbayeva",
      language: "en",
      // The Published line, not the Updated one above it; GMT+6 converted to UTC.
      publishedAt: new Date("2022-01-11T03:15:00.000Z"),
      publishedAtSource: "PAGE",
      publishedText: "January 11, 2022, 09:15 (GMT+6)",
      publishedDay: new Date("2022-01-11T00:00:00.000Z"),
      paragraphs: [
        "Kazakhstan's parliament on Tuesday approved a new prime minister, days after the previous cabinet resigned at the height of the protests that shook the country in the first week of January.",
        "The appointment came as President Kassym-Jomart Tokayev told lawmakers that the mission of the Collective Security Treaty Organization (CSTO) had largely been completed and that its troops would begin to withdraw within days.",
        "Banks in Almaty reopened on Monday, and long queues formed outside cash machines in the city centre. Several shop owners told Steppe Wire they had lost their entire stock during the looting.",
        "“We are starting again from nothing,” said Nurlan, a 46-year-old electronics trader who asked that his family name not be used. “But at least the shooting has stopped.”",
        "Mobile internet, which was cut across much of the country during the unrest, was partly restored in the largest cities, although users reported slow connections and blocked messaging apps.",
      ],
      images: [],
      relatedLinks: [
        { title: "What we know about the CSTO deployment to Kazakhstan", url: "https://steppewire.example/central-asia/csto-deployment-explained" },
        { title: "Almaty residents queue for cash as banks reopen", url: "https://steppewire.example/central-asia/almaty-banks-reopen" },
      ],
      copyrightHolder: "Steppe Wire Media LLC",
      // The page never names itself in a recognisable way.
      publisherName: null,
      url: null,
    });
  });

  test("newspaper text: 'Sun 9 Jan 2022 12.13 GMT' dateline, name-only byline, Photograph: credit, crosshead", () => {
    const article = extractArticle({
      text: read("pages/newspaper-2022-01-09-almaty-detainees.txt"),
      url: "https://northernledger.example/world/2022/jan/09/almaty-families-search-missing-relatives",
      publisher: "The Northern Ledger",
    });
    expect(article).toEqual({
      headline: "Families search for missing relatives as Almaty counts the cost of week of violence",
      alternativeHeadline:
        "Lawyers say many of those detained have not been allowed to see a lawyer, while the city's morgues struggle to cope",
      section: null,
      byline: "Daniyar Oralov in Almaty and Helen Marsh",
      language: "en",
      publishedAt: new Date("2022-01-09T12:13:00.000Z"),
      publishedAtSource: "PAGE",
      publishedText: "Sun 9 Jan 2022 12.13 GMT",
      publishedDay: new Date("2022-01-09T00:00:00.000Z"),
      paragraphs: [
        "Relatives of people detained during last week’s unrest in Kazakhstan gathered outside police stations in Almaty on Sunday, saying they had received no information about where their family members were being held.",
        "The authorities have said that thousands of people were detained across the country after protests over a rise in fuel prices turned into riots, with government buildings set on fire in the country’s largest city.",
        "Aigerim, a 29-year-old teacher, said her brother had gone out to buy bread on Thursday evening and had not come home. “We have been to three police stations and two hospitals. Nobody tells us anything,” she said.",
        "Human rights groups have called on the government to publish a list of detainees and to guarantee them access to independent lawyers.",
      ],
      images: [
        {
          title: null,
          url: null,
          caption: "Burnt-out cars outside the city administration building in Almaty on Saturday.",
          credit: "Ruslan Temirov/Northern Ledger",
          copyrightNotice: null,
        },
      ],
      relatedLinks: [],
      copyrightHolder: "Northern Ledger Media Ltd",
      publisherName: "The Northern Ledger",
      url: "https://northernledger.example/world/2022/jan/09/almaty-families-search-missing-relatives",
    });
  });
});

describe("datelines", () => {
  const page = (dateline: string): string =>
    [dateline, "Troops patrol Almaty after a week of unrest", "", "Soldiers were seen at checkpoints across the city on Sunday, residents said."].join("\n");

  test.each([
    ["9 Jan, 2022 12:13", "2022-01-09T12:13:00.000Z", "9 Jan, 2022 12:13"],
    ["January 9, 2022", "2022-01-09T00:00:00.000Z", "January 9, 2022"],
    ["2022-01-09T12:13:00Z", "2022-01-09T12:13:00.000Z", "2022-01-09T12:13:00Z"],
    ["Sun 9 Jan 2022 12.13 GMT", "2022-01-09T12:13:00.000Z", "Sun 9 Jan 2022 12.13 GMT"],
    ["Published on Jan 9, 2022 — 18:13 (GMT+6)", "2022-01-09T12:13:00.000Z", "Jan 9, 2022 — 18:13 (GMT+6)"],
  ])("%s", (dateline, iso, printed) => {
    const article = extractArticle({ text: page(dateline) });
    expect(article.publishedAt?.toISOString()).toBe(iso);
    expect(article.publishedText).toBe(printed);
    expect(article.headline).toBe("Troops patrol Almaty after a week of unrest");
  });

  test("the publication day is the day the page prints, in its own zone, though the instant is the day before in UTC", () => {
    const article = extractArticle({ text: page("Published 19 July 2024, 04:49 IST") });
    expect(article.publishedAt?.toISOString()).toBe("2024-07-18T23:19:00.000Z");
    expect(article.publishedDay?.toISOString()).toBe("2024-07-19T00:00:00.000Z");
    // With no zone, both are the printed day.
    expect(extractArticle({ text: page("January 9, 2022") }).publishedDay?.toISOString()).toBe("2022-01-09T00:00:00.000Z");
  });

  test("a page with no date at all is read, its date unknown rather than made up", () => {
    const article = extractArticle({ text: page("") });
    expect(article.publishedAt).toBeNull();
    expect(article.publishedAtSource).toBe("UNKNOWN");
    expect(article.publishedText).toBeNull();
    expect(article.publishedDay).toBeNull();
    expect(article.headline).toBe("Troops patrol Almaty after a week of unrest");
  });

  test("a scraper's ' date YYYY-MM-DD ' prefix dates the page, and stays out of the body", () => {
    const article = extractArticle({ text: ` date 2022-01-10 ${page("")}` });
    expect(article.publishedAt?.toISOString()).toBe("2022-01-10T00:00:00.000Z");
    expect(article.publishedAtSource).toBe("PAGE");
    expect(article.paragraphs.join(" ")).not.toMatch(/date 2022/);
  });

  test("a printed date line beats the scraper's prefix", () => {
    const article = extractArticle({ text: ` date 2022-01-12 ${page("January 9, 2022")}` });
    expect(article.publishedAt?.toISOString()).toBe("2022-01-09T00:00:00.000Z");
  });

  test("a date that opens the first paragraph before a dash", () => {
    const article = extractArticle({ text: "Troops patrol Almaty after a week of unrest\n\n5th January 2022 – (Almaty) Soldiers were seen at checkpoints across the city, residents said." });
    expect(article.publishedAt?.toISOString()).toBe("2022-01-05T00:00:00.000Z");
    expect(article.publishedAtSource).toBe("PAGE");
  });

  test("what the caller knows wins over the page", () => {
    const when = new Date("2022-01-08T10:00:00Z");
    const article = extractArticle({ text: page("January 9, 2022"), publishedAt: when, headline: "Caller's headline", language: "ru" });
    expect(article.publishedAt).toEqual(when);
    expect(article.publishedAtSource).toBe("CALLER");
    expect(article.headline).toBe("Caller's headline");
    expect(article.language).toBe("ru");
  });

  test("a date in the URL is the last resort", () => {
    const article = extractArticle({ text: page(""), url: "https://example.org/2022/01/09/troops-patrol-almaty" });
    expect(article.publishedAt?.toISOString()).toBe("2022-01-09T00:00:00.000Z");
    expect(article.publishedText).toBeNull();
  });
});

describe("text rules that must not misfire", () => {
  test("sentences that merely start like chrome stay in the body; real chrome ends it", () => {
    const article = extractArticle({
      text: [
        "Mobile App",
        "Home > World",
        "Troops patrol Almaty after a week of unrest",
        "By Jane Doe",
        "9 Jan 2022",
        "Soldiers were seen at checkpoints.",
        "More from the scene: residents queue for bread.",
        "Follow-up talks will be held on Monday, officials said.",
        "Copyright laws passed in 2021 were also discussed by the committee.",
        "More from Asia",
        "A trailing teaser that is not part of the article.",
      ].join("\n"),
    });
    expect(article.paragraphs).toEqual([
      "Soldiers were seen at checkpoints.",
      "More from the scene: residents queue for bread.",
      "Follow-up talks will be held on Monday, officials said.",
      "Copyright laws passed in 2021 were also discussed by the committee.",
    ]);
    expect(article.section).toBe("World");
    expect(article.byline).toBe("Jane Doe");
    expect(article.copyrightHolder).toBeNull();
    // "Mobile App" names no publisher.
    expect(article.publisherName).toBeNull();
  });

  test("a short Title Case headline next to the dateline is still the headline, not a byline", () => {
    const article = extractArticle({
      text: "Tokayev Fires Cabinet Over Unrest\n5 Jan, 2022 10:00\n\nThe president accepted the government's resignation on Wednesday, his office said.",
    });
    expect(article.headline).toBe("Tokayev Fires Cabinet Over Unrest");
    expect(article.byline).toBeNull();
  });

  test("a one-sentence standfirst with a full stop, followed by the byline", () => {
    const article = extractArticle({
      text: [
        "Kazakhstan lifts curfew in Almaty",
        "The city's night-time curfew ends after nine days.",
        "By Jane Doe",
        "17 Jan 2022",
        "Residents were allowed back on the streets after 11pm for the first time since the unrest began.",
      ].join("\n"),
    });
    expect(article.alternativeHeadline).toBe("The city's night-time curfew ends after nine days.");
    expect(article.paragraphs).toEqual(["Residents were allowed back on the streets after 11pm for the first time since the unrest began."]);
  });
});

describe("lines as scrapers save them", () => {
  // Where its paragraphs began is lost: a line that ends a sentence ends one.
  test("a paragraph saved with hard line breaks is joined back into its sentences", () => {
    const article = extractArticle({
      text: [
        "By Jo Writer",
        "A coalition of lawyers, led by the Bar Association of Westland (BAW) and",
        "the Police Oversight Board, will publish a report on the number of people",
        "killed during the demonstrations in the capital and three other cities.",
        "On Monday the President announced that nine people had died and 40",
        "people had been injured, contradicting reports that more than 30 people",
        "had died.",
      ].join("\n"),
    });
    expect(article.paragraphs).toEqual([
      "A coalition of lawyers, led by the Bar Association of Westland (BAW) and the Police Oversight Board, will publish a report on the number of people killed during the demonstrations in the capital and three other cities.",
      "On Monday the President announced that nine people had died and 40 people had been injured, contradicting reports that more than 30 people had died.",
    ]);
  });

  test("separate lines that each end a sentence stay separate paragraphs, and a short head line is not joined", () => {
    const article = extractArticle({ text: "Floods hit the north\nRivers rose overnight in three provinces, officials said.\nRoads were closed and schools shut for the week." });
    expect(article.headline).toBe("Floods hit the north");
    expect(article.paragraphs).toEqual(["Rivers rose overnight in three provinces, officials said.", "Roads were closed and schools shut for the week."]);
  });

  test("a paragraph ending in a promo keeps its sentences; the promo becomes a related link", () => {
    const article = extractArticle({
      text: "Floods hit the north\n\nRivers rose overnight in three provinces and roads were closed, officials said. Schools shut for the week. READ MORE: Why the dams failed in the spring\n\nRescue teams reached the villages on Tuesday.",
    });
    expect(article.paragraphs).toEqual(["Rivers rose overnight in three provinces and roads were closed, officials said. Schools shut for the week.", "Rescue teams reached the villages on Tuesday."]);
    expect(article.relatedLinks).toEqual([{ title: "Why the dams failed in the spring", url: null }]);
  });

  test("a caption line ending in a photo credit is read for its sentences, without the credit", () => {
    const article = extractArticle({
      text: "Protest turns deadly\n\nStudents march in the capital on 20 April 2022. According to a police spokesman, one person was killed during the march. EPA-EFE/JANE DOE\n\nThe march began at noon, organisers said.",
    });
    expect(article.headline).toBe("Protest turns deadly");
    expect(article.paragraphs[0]).toBe("Students march in the capital on 20 April 2022. According to a police spokesman, one person was killed during the march.");
  });

  test("a line whose last sentence was cut off keeps its complete sentences", () => {
    const article = extractArticle({ text: "Floods hit the north\n\nRivers rose overnight in three provinces and roads were closed, officials said. Rescue teams were sent to the villages but the" });
    expect(article.paragraphs).toEqual(["Rivers rose overnight in three provinces and roads were closed, officials said."]);
  });
});

describe("errors", () => {
  test("empty text", () => {
    expectError({ text: "" }, "EMPTY_INPUT");
  });

  test("whitespace only", () => {
    expectError({ text: " \n\t\u00a0\n " }, "EMPTY_INPUT");
    expectError({ html: "   \n" }, "EMPTY_INPUT");
  });

  test("neither text nor html", () => {
    expect(expectError({ url: "https://example.org/a" }, "EMPTY_INPUT").message).toMatch(/text or as HTML/);
  });

  test("both text and html", () => {
    expect(expectError({ text: "a", html: "<p>a</p>" }, "EMPTY_INPUT").message).toMatch(/not both/);
  });

  test("over 2 MB, counted in UTF-8 bytes", () => {
    expectError({ text: "a".repeat(MAX_PAGE_BYTES + 1) }, "TOO_LARGE");
    // About 1M characters, but each "é" is two bytes.
    expectError({ text: "é".repeat(MAX_PAGE_BYTES / 2 + 1) }, "TOO_LARGE");
    expectError({ html: `<p>${"a".repeat(MAX_PAGE_BYTES)}</p>` }, "TOO_LARGE");
  });

  test(`HTML of more than ${MAX_PAGE_ELEMENTS} elements is TOO_LARGE, refused before it is parsed; ${MAX_PAGE_ELEMENTS} read`, () => {
    const head = '<html><head><title>Crowds fill the square</title><meta property="article:published_time" content="2022-01-06T10:15:00Z"></head><body><article><h1>Crowds fill the square</h1>';
    const lead = "<p>Thousands of people gathered in the central square on Wednesday, witnesses said.</p>";
    // html, head, title, meta, body, article, h1 and the lead's p: 8 elements before the line breaks.
    const page = (elements: number) => ({ html: `${head}${lead}${"<br>".repeat(elements - 8)}</article></body></html>` });
    const refused = expectError(page(MAX_PAGE_ELEMENTS + 1), "TOO_LARGE");
    expect(refused.message).toMatch(/more than 30,000 HTML elements/);
    expect(extractArticle(page(MAX_PAGE_ELEMENTS)).paragraphs).toEqual(["Thousands of people gathered in the central square on Wednesday, witnesses said."]);
  });

  test("binary bytes decoded as latin1", () => {
    // Deterministic pseudo-random bytes, with NULs among them.
    const bytes = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = x >> 16;
    }
    bytes[100] = 0;
    expect(expectError({ text: bytes.toString("latin1") }, "UNSUPPORTED_ENCODING").message).toMatch(/UTF-8/);
  });

  test("latin1 text mis-decoded as UTF-8 (replacement characters)", () => {
    const latin1 = Buffer.from("Ölçü és ñandú à Almaty. ".repeat(20), "latin1");
    expectError({ text: latin1.toString("utf8") }, "UNSUPPORTED_ENCODING");
  });

  test("one stray replacement character is tolerated", () => {
    const text = read("rt-2022-01-09-csto-summit-kazakhstan.txt").replace("Top stories", "Top stories\ufffd");
    expect(extractArticle({ text }).headline).toBe("Date of key allied summit on Kazakhstan crisis announced");
  });

  test("a page of only menu links", () => {
    const menu = ["Home", "News", "World", "Russia & FSU", "Business", "Op-ed", "Podcasts", "Contact us", "Privacy policy", "Accept cookies"];
    expect(expectError({ text: menu.join("\n") }, "NO_ARTICLE").message).toMatch(/^No article found/);
    const html = `<html><body><nav>${menu.map((m) => `<a href="/${m}">${m}</a>`).join("")}</nav></body></html>`;
    expect(expectError({ html }, "NO_ARTICLE").message).toMatch(/^No article found/);
  });

  test("prose without a headline is read: the headline comes from the URL's slug, else the first sentence", () => {
    const text = "9 Jan, 2022 12:13\nSoldiers were seen at checkpoints across the city on Sunday, residents said. Shops stayed shut.";
    expect(extractArticle({ text }).headline).toBe("Soldiers were seen at checkpoints across the city on Sunday, residents said.");
    expect(extractArticle({ text, url: "https://example.org/news/2022/01/09/troops-patrol-almaty-checkpoints-a75995" }).headline).toBe("Troops patrol almaty checkpoints");
    expect(extractArticle({ text, url: "https://example.org/article/2022-01-09-troops-patrol-almaty-119010900123_1.html" }).headline).toBe("Troops patrol almaty");
    expect(extractArticle({ text, url: "https://example.org/world/troops-patrol-almaty-checkpoints20220109155309/" }).headline).toBe("Troops patrol almaty checkpoints");
  });

  test("only empty, unreadable or oversized input is refused", () => {
    expectError({ text: "Home\nNews\nSport" }, "NO_ARTICLE");
  });
});
