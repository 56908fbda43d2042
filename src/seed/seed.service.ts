// Loads the seed file (prisma/seed/*.json) in one transaction: all of it or
// nothing. Records with a unique key are upserted so that rows another source
// already wrote (a country, a person) are reused instead of colliding; the
// seed's non-null values win, its nulls never erase. Everything that hangs off
// the seed's articles is new by construction and goes in with createMany.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { announceWrite } from "../cache/write-notifications";
import { paths } from "../config";
import type { PrismaClient } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { placeNameKey } from "../place/place-names";
import { seedSections } from "./seed-data";
import type { SeedArticle, SeedFile, SeedPlace, SeedPlaceRef, SeedQuote } from "./seed-data";

type Tx = Prisma.TransactionClient;

/**
 * Loads `file` unless its articles and crises are already in the database.
 * An article already there (the same page ingested before: same content
 * hash) is kept as it is, and the rest of the seed goes in around it.
 * Returns true when it loaded the seed, false when it was already present.
 */
export async function seedDatabase(prisma: PrismaClient, file = paths.seedData): Promise<boolean> {
  const seed = readSeedFile(file);
  // Checked before the transaction opens, so a bad file never touches the database.
  checkQuotes(seed);
  const hashes = seed.articles.map((article) => article.contentHash);
  const slugs = seed.crises.map((crisis) => crisis.slug);
  try {
    return await prisma.$transaction(
      async (tx) => {
        if (await isSeeded(tx, hashes, slugs)) return false;
        await insertSeed(tx, seed);
        await announceWrite(tx);
        return true;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // A concurrent seeder that committed first makes our article insert
    // collide on contentHash; that is "already present", not a failure.
    if (await isSeeded(prisma, hashes, slugs).catch(() => false)) return false;
    throw error;
  }
}

export function readSeedFile(file: string): SeedFile {
  const data: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (typeof data !== "object" || data === null) throw new Error(`${file}: expected a JSON object`);
  for (const section of seedSections) {
    if (!Array.isArray((data as Record<string, unknown>)[section])) {
      throw new Error(`${file}: "${section}" must be an array`);
    }
  }
  const seed = data as SeedFile;
  // Presence is detected through the articles' hashes: without one, a second run could not tell.
  if (seed.articles.length === 0) throw new Error(`${file}: the seed needs at least one article`);
  return seed;
}

async function isSeeded(db: Tx, hashes: string[], slugs: string[]): Promise<boolean> {
  const [articles, crises] = await Promise.all([
    db.article.count({ where: { contentHash: { in: hashes } } }),
    db.crisis.count({ where: { slug: { in: slugs } } }),
  ]);
  return articles === new Set(hashes).size && crises === slugs.length;
}

function checkQuotes(seed: SeedFile): void {
  for (const article of seed.articles) {
    const where = `article "${article.headline}"`;
    article.events.forEach((event, index) => {
      const at = `${where}, event ${index} ("${event.title}")`;
      const { quote, quoteStart, quoteEnd } = event;
      if (quote === null && quoteStart === null && quoteEnd === null) return;
      if (quote === null || quoteStart === null || quoteEnd === null) {
        throw new Error(`Seed data: ${at} must set quote, quoteStart and quoteEnd together`);
      }
      checkQuote(article.body, { quote, quoteStart, quoteEnd }, at);
    });
    article.casualtyStatistics.forEach((statistic, index) => {
      checkQuote(article.body, statistic, `${where}, casualty statistic ${index} ("${statistic.figureText}")`);
    });
  }
}

function checkQuote(body: string, { quote, quoteStart, quoteEnd }: SeedQuote, where: string): void {
  const found = Number.isInteger(quoteStart) && Number.isInteger(quoteEnd) ? body.slice(quoteStart, quoteEnd) : undefined;
  if (found !== quote) {
    throw new Error(
      `Seed data: ${where}: body.slice(${quoteStart}, ${quoteEnd}) is ${JSON.stringify(found)}, not the quote ${JSON.stringify(quote)}`,
    );
  }
}

async function insertSeed(tx: Tx, seed: SeedFile): Promise<void> {
  const countries = new IdMap("country");
  for (const country of seed.countries) {
    const { id } = await tx.country.upsert({
      where: { isoCode: country.isoCode },
      create: { isoCode: country.isoCode, name: country.name },
      update: { name: country.name },
      select: { id: true },
    });
    countries.set(country.isoCode, id);
  }

  const organizations = new IdMap("organization");
  // Named but not defined here: the reference data's (the CSTO and its council, src/organization/reference/).
  const defined = new Set(seed.organizations.map((organization) => organization.name));
  const named = [...referencedOrganizations(seed)].filter((name) => !defined.has(name));
  for (const { id, name } of await tx.organization.findMany({ where: { name: { in: named } }, select: { id: true, name: true } })) organizations.set(name, id);
  for (const organization of parentsFirst(seed.organizations, (o) => o.name, (o) => o.parent, "organization")) {
    const where = `organization "${organization.name}"`;
    const data = {
      acronym: organization.acronym,
      description: organization.description,
      foundedOn: optionalDay(organization.foundedOn, where),
      parentId: organizations.optional(organization.parent, where),
      countryId: countries.optional(organization.country, where),
    };
    const { id } = await tx.organization.upsert({
      where: { name: organization.name },
      create: { name: organization.name, ...data },
      update: known(data),
      select: { id: true },
    });
    organizations.set(organization.name, id);
  }

  if (seed.memberships.length) {
    await tx.membership.createMany({
      data: seed.memberships.map((membership) => {
        const where = `membership of ${membership.country} in "${membership.organization}" from ${membership.from}`;
        return {
          organizationId: organizations.get(membership.organization, where),
          countryId: countries.get(membership.country, where),
          status: membership.status,
          from: day(membership.from, where),
          to: optionalDay(membership.to, where),
          note: membership.note,
        };
      }),
      // Another source may already have recorded the same membership (same unique key).
      skipDuplicates: true,
    });
  }

  const people = new IdMap("person");
  for (const person of seed.people) {
    const data = { description: person.description };
    const { id } = await tx.person.upsert({
      where: { name: person.name },
      create: { name: person.name, ...data },
      update: known(data),
      select: { id: true },
    });
    people.set(person.name, id);
  }
  const roles = seed.people.flatMap((person) =>
    person.roles.map((role) => {
      const where = `role "${role.title}" of "${person.name}"`;
      return {
        personId: people.get(person.name, where),
        title: role.title,
        countryId: countries.optional(role.country, where),
        organizationId: organizations.optional(role.organization, where),
        from: optionalDay(role.from, where),
        to: optionalDay(role.to, where),
      };
    }),
  );
  if (roles.length) await tx.personRole.createMany({ data: roles, skipDuplicates: true });

  if (seed.chairmanships.length) {
    await tx.chairmanship.createMany({
      data: seed.chairmanships.map((chairmanship) => {
        const where = `chairmanship of "${chairmanship.organization}" from ${chairmanship.from}`;
        return {
          organizationId: organizations.get(chairmanship.organization, where),
          countryId: countries.get(chairmanship.country, where),
          personId: people.optional(chairmanship.person, where),
          from: day(chairmanship.from, where),
          to: optionalDay(chairmanship.to, where),
        };
      }),
      skipDuplicates: true,
    });
  }

  const places = new IdMap("place");
  for (const place of placesParentsFirst(seed.places)) {
    const key = placeKey(place);
    const where = `place ${key}`;
    const countryId = countries.get(place.country, where);
    const data = {
      parentId: place.parent === null ? null : places.get(placeKey(findPlaceParent(seed.places, place)), where),
      latitude: place.latitude,
      longitude: place.longitude,
      population: place.population,
    };
    // The reference data's place when there is one (the most populous of that name: GeoNames
    // lists every town), so the seed adds nothing twice; else a place of the seed's own.
    const existing = await tx.place.findFirst({
      where: { countryId, kind: place.kind, name: place.name },
      orderBy: [{ population: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      select: { id: true },
    });
    const { id } = existing
      ? await tx.place.update({ where: { id: existing.id }, data: known(data), select: { id: true } })
      : await tx.place.create({ data: { name: place.name, kind: place.kind, countryId, ...data }, select: { id: true } });
    const nameKey = placeNameKey(place.name);
    if (nameKey) await tx.placeName.createMany({ data: [{ name: nameKey, placeId: id }], skipDuplicates: true });
    places.set(key, id);
  }

  const publishers = new IdMap("publisher");
  for (const publisher of seed.publishers) {
    const where = `publisher "${publisher.name}"`;
    const data = {
      url: publisher.url,
      copyrightHolder: publisher.copyrightHolder,
      countryId: countries.optional(publisher.country, where),
    };
    const { id } = await tx.publisher.upsert({
      where: { name: publisher.name },
      create: { name: publisher.name, ...data },
      update: known(data),
      select: { id: true },
    });
    publishers.set(publisher.name, id);
  }

  const claimants = new IdMap("claimant");
  for (const claimant of seed.claimants) {
    const where = `claimant "${claimant.name}"`;
    const data = {
      kind: claimant.kind,
      countryId: countries.optional(claimant.country, where),
      organizationId: organizations.optional(claimant.organization, where),
    };
    const { id } = await tx.claimant.upsert({
      where: { name: claimant.name },
      create: { name: claimant.name, ...data },
      update: known(data),
      select: { id: true },
    });
    claimants.set(claimant.name, id);
  }

  const crises = new IdMap("crisis");
  for (const crisis of seed.crises) {
    const where = `crisis "${crisis.slug}"`;
    const data = {
      name: crisis.name,
      description: crisis.description,
      startDate: optionalDay(crisis.startDate, where),
      endDate: optionalDay(crisis.endDate, where),
      countryId: countries.optional(crisis.country, where),
    };
    const { id } = await tx.crisis.upsert({
      where: { slug: crisis.slug },
      create: { slug: crisis.slug, ...data },
      update: known(data),
      select: { id: true },
    });
    crises.set(crisis.slug, id);
  }

  // A seed page ingested before (npm run ingest) stays as ingested: never a second copy.
  const present = new Set((await tx.article.findMany({ where: { contentHash: { in: seed.articles.map((a) => a.contentHash) } }, select: { contentHash: true } })).map((a) => a.contentHash));
  const missing = seed.articles.filter((article) => !present.has(article.contentHash));
  if (missing.length) await insertArticles(tx, missing, { people, places, publishers, claimants, crises, organizations, countries });
}

interface Ids {
  countries: IdMap;
  organizations: IdMap;
  people: IdMap;
  places: IdMap;
  publishers: IdMap;
  claimants: IdMap;
  crises: IdMap;
}

async function insertArticles(tx: Tx, articles: SeedArticle[], ids: Ids): Promise<void> {
  // Ids are made here rather than by the database so that children can be
  // linked without reading anything back: one createMany per table.
  const articleRows: Prisma.ArticleCreateManyInput[] = [];
  const images: Prisma.ArticleImageCreateManyInput[] = [];
  const links: Prisma.RelatedLinkCreateManyInput[] = [];
  const mentionedPeople: Prisma.ArticlePersonCreateManyInput[] = [];
  const mentionedPlaces: Prisma.ArticlePlaceCreateManyInput[] = [];
  const events: Prisma.EventCreateManyInput[] = [];
  const eventPlaces: Prisma.EventPlaceCreateManyInput[] = [];
  const participants: Prisma.EventParticipantCreateManyInput[] = [];
  const statistics: Prisma.CasualtyStatisticCreateManyInput[] = [];

  for (const article of articles) {
    const articleId = randomUUID();
    const where = `article "${article.headline}"`;
    const crisisId = ids.crises.optional(article.crisis, where);
    articleRows.push({
      id: articleId,
      publisherId: ids.publishers.get(article.publisher, where),
      crisisId,
      url: article.url,
      contentHash: article.contentHash,
      headline: article.headline,
      alternativeHeadline: article.alternativeHeadline,
      section: article.section,
      byline: article.byline,
      language: article.language,
      publishedAt: instant(article.publishedAt, where),
      publishedText: article.publishedText,
      body: article.body,
    });
    for (const image of article.images) {
      images.push({
        articleId,
        position: image.position,
        url: image.url,
        title: image.title,
        caption: image.caption,
        credit: image.credit,
        copyrightNotice: image.copyrightNotice,
      });
    }
    for (const link of article.relatedLinks) {
      links.push({ articleId, position: link.position, title: link.title, url: link.url });
    }
    for (const name of article.mentionedPeople) {
      mentionedPeople.push({ articleId, personId: ids.people.get(name, `${where}, mentionedPeople`) });
    }
    for (const place of article.mentionedPlaces) {
      mentionedPlaces.push({ articleId, placeId: ids.places.get(placeKey(place), `${where}, mentionedPlaces`) });
    }

    article.events.forEach((event, index) => {
      const at = `${where}, event ${index} ("${event.title}")`;
      const eventId = randomUUID();
      const startDate = day(event.startDate, at);
      const endDate = day(event.endDate, at);
      if (endDate < startDate) throw new Error(`Seed data: ${at} ends (${event.endDate}) before it starts (${event.startDate})`);
      events.push({
        id: eventId,
        crisisId: requireCrisis(crisisId, at),
        articleId,
        type: event.type,
        title: event.title,
        description: event.description,
        startDate,
        endDate,
        datePrecision: event.datePrecision,
        dateText: event.dateText,
        quote: event.quote,
        quoteStart: event.quoteStart,
        quoteEnd: event.quoteEnd,
      });
      for (const place of event.places) {
        eventPlaces.push({ eventId, placeId: ids.places.get(placeKey(place), at) });
      }
      for (const participant of event.participants) {
        const actors = [participant.person, participant.organization, participant.country].filter((actor) => actor !== undefined);
        if (actors.length !== 1) {
          throw new Error(`Seed data: ${at}, participant "${participant.role}" must name exactly one person, organization or country`);
        }
        participants.push({
          eventId,
          role: participant.role,
          personId: ids.people.optional(participant.person, at),
          organizationId: ids.organizations.optional(participant.organization, at),
          countryId: ids.countries.optional(participant.country, at),
        });
      }
    });

    article.casualtyStatistics.forEach((statistic, index) => {
      const at = `${where}, casualty statistic ${index} ("${statistic.figureText}")`;
      statistics.push({
        crisisId: requireCrisis(crisisId, at),
        articleId,
        claimantId: ids.claimants.get(statistic.claimant, at),
        placeId: statistic.place === null ? null : ids.places.get(placeKey(statistic.place), at),
        category: statistic.category,
        affectedGroup: statistic.affectedGroup,
        affectedGroupText: statistic.affectedGroupText,
        qualifier: statistic.qualifier,
        figureText: statistic.figureText,
        low: statistic.low,
        best: statistic.best,
        high: statistic.high,
        reportedAt: day(statistic.reportedAt, at),
        quote: statistic.quote,
        quoteStart: statistic.quoteStart,
        quoteEnd: statistic.quoteEnd,
        confidence: statistic.confidence,
        reviewStatus: statistic.reviewStatus,
      });
    });
  }

  // Parents before children: the foreign keys are checked per statement.
  await tx.article.createMany({ data: articleRows });
  if (images.length) await tx.articleImage.createMany({ data: images });
  if (links.length) await tx.relatedLink.createMany({ data: links });
  if (mentionedPeople.length) await tx.articlePerson.createMany({ data: mentionedPeople });
  if (mentionedPlaces.length) await tx.articlePlace.createMany({ data: mentionedPlaces });
  if (events.length) await tx.event.createMany({ data: events });
  if (eventPlaces.length) await tx.eventPlace.createMany({ data: eventPlaces });
  if (participants.length) await tx.eventParticipant.createMany({ data: participants });
  if (statistics.length) await tx.casualtyStatistic.createMany({ data: statistics });
}

/** Every organisation name the seed's records refer to. */
function referencedOrganizations(seed: SeedFile): Set<string> {
  return new Set(
    [
      ...seed.memberships.map((membership) => membership.organization),
      ...seed.chairmanships.map((chairmanship) => chairmanship.organization),
      ...seed.people.flatMap((person) => person.roles.map((role) => role.organization)),
      ...seed.claimants.map((claimant) => claimant.organization),
      ...seed.articles.flatMap((article) => article.events.flatMap((event) => event.participants.map((participant) => participant.organization))),
    ].filter((name): name is string => typeof name === "string"),
  );
}

/** Natural key → id for the records inserted so far, with errors that name the dangling reference. */
class IdMap {
  private readonly ids = new Map<string, string>();

  constructor(private readonly what: string) {}

  set(key: string, id: string): void {
    this.ids.set(key, id);
  }

  get(key: string, where: string): string {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`Seed data: ${where} refers to an unknown ${this.what} "${key}"`);
    return id;
  }

  optional(key: string | null | undefined, where: string): string | null {
    return key === null || key === undefined ? null : this.get(key, where);
  }
}

function placeKey(place: SeedPlaceRef): string {
  return `${place.name} (${place.kind}, ${place.country})`;
}

/** A place's parent is named without its kind: the one place of that name in the same country. */
function findPlaceParent(all: SeedPlace[], place: SeedPlace): SeedPlace {
  const matches = all.filter((candidate) => candidate.country === place.country && candidate.name === place.parent);
  if (matches.length !== 1) {
    const problem = matches.length ? "is ambiguous" : "is not in the file";
    throw new Error(`Seed data: parent "${place.parent}" of place ${placeKey(place)} ${problem}`);
  }
  return matches[0];
}

function placesParentsFirst(all: SeedPlace[]): SeedPlace[] {
  return parentsFirst(all, placeKey, (place) => (place.parent === null ? null : placeKey(findPlaceParent(all, place))), "place");
}

/** Orders records so that each one's parent is inserted before it. */
function parentsFirst<T>(items: T[], keyOf: (item: T) => string, parentOf: (item: T) => string | null, what: string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    if (byKey.has(keyOf(item))) throw new Error(`Seed data: ${what} "${keyOf(item)}" is listed twice`);
    byKey.set(keyOf(item), item);
  }
  const ordered: T[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (item: T): void => {
    const key = keyOf(item);
    if (done.has(key)) return;
    if (visiting.has(key)) throw new Error(`Seed data: ${what} "${key}" is its own ancestor`);
    visiting.add(key);
    const parentKey = parentOf(item);
    if (parentKey !== null) {
      const parent = byKey.get(parentKey);
      if (parent === undefined) throw new Error(`Seed data: ${what} "${key}" has a parent "${parentKey}" that is not in the file`);
      visit(parent);
    }
    visiting.delete(key);
    done.add(key);
    ordered.push(item);
  };
  items.forEach(visit);
  return ordered;
}

function requireCrisis(crisisId: string | null, where: string): string {
  if (crisisId === null) throw new Error(`Seed data: ${where} needs its article to belong to a crisis`);
  return crisisId;
}

/** An upsert's update: the seed's values without its nulls, so it never erases what another source recorded. */
function known<T extends object>(data: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

function day(value: string, where: string): Date {
  const date = new Date(`${value}T00:00:00.000Z`);
  // The round trip rejects days like 2022-02-30 that Date would roll over.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new Error(`Seed data: ${where} has the date "${value}", expected YYYY-MM-DD`);
  }
  return date;
}

function optionalDay(value: string | null, where: string): Date | null {
  return value === null ? null : day(value, where);
}

function instant(value: string, where: string): Date {
  // A timestamp without a zone would be read in the server's local time.
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(date.getTime())) {
    throw new Error(`Seed data: ${where} has the timestamp "${value}", expected ISO 8601 with a zone`);
  }
  return date;
}
