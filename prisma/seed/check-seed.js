#!/usr/bin/env node
// Verifies prisma/seed/kazakhstan-2022.json against the fixture and the Prisma schema,
// and the CSTO reference data it refers to (src/organization/reference/csto.json).
// Plain Node, no dependencies. Usage: node prisma/seed/check-seed.js [seed.json]
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..', '..');
const seedPath = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, 'kazakhstan-2022.json');
const schemaPath = path.join(root, 'prisma', 'schema.prisma');
const fixturePath = path.join(root, 'test', 'fixtures', 'rt-2022-01-09-csto-summit-kazakhstan.txt');

const errors = [];
let checks = 0;
function ok(cond, msg) {
  checks += 1;
  if (!cond) errors.push(msg);
  return cond;
}
function eq(actual, expected, msg) {
  return ok(JSON.stringify(actual) === JSON.stringify(expected), `${msg}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const seed = JSON.parse(fs.readFileSync(seedPath, 'utf8'));
// Loaded on every database before the seed, which names its organisations.
const referencePath = path.join(root, 'src', 'organization', 'reference', 'csto.json');
const reference = JSON.parse(fs.readFileSync(referencePath, 'utf8'));

// ── enums from schema.prisma ──────────────────────────────────────────────
const schema = fs.readFileSync(schemaPath, 'utf8');
const enums = {};
for (const m of schema.matchAll(/^enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
  enums[m[1]] = new Set(m[2].split('\n').map((l) => l.replace(/\/\/.*$/, '').trim()).filter(Boolean));
}
for (const name of ['EventType', 'DatePrecision', 'CasualtyCategory', 'AffectedGroup', 'Qualifier', 'ReviewStatus', 'ClaimantKind', 'MembershipStatus', 'PlaceKind']) {
  ok(enums[name] && enums[name].size > 0, `schema.prisma has no enum ${name}`);
}
function isEnum(name, value, where) {
  return ok(enums[name] && enums[name].has(value), `${where}: ${JSON.stringify(value)} is not a ${name}`);
}

// ── helpers ───────────────────────────────────────────────────────────────
const DATE = /^\d{4}-\d{2}-\d{2}$/;
function isDate(v, where, nullable = false) {
  if (v === null && nullable) return true;
  return ok(typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v + 'T00:00:00Z')) && new Date(v + 'T00:00:00Z').toISOString().slice(0, 10) === v, `${where}: bad date ${JSON.stringify(v)}`);
}
function unique(list, keyFn, what) {
  const seen = new Set();
  for (const item of list) {
    const k = keyFn(item);
    ok(!seen.has(k), `duplicate ${what}: ${k}`);
    seen.add(k);
  }
  return seen;
}
// JSON with every non-ASCII character escaped, so NBSPs and curly quotes are visible.
const show = (str) => JSON.stringify(str).replace(/[^\x20-\x7e]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
const placeKey = (p) => `${p.country}|${p.kind}|${p.name}`;
const active = (row, d) => row.from <= d && (row.to === null || d < row.to);

// ── the article body, re-derived from the fixture ─────────────────────────
const fixture = fs.readFileSync(fixturePath, 'utf8');
const lines = fixture.split(/\r?\n/);
const first = lines.findIndex((l) => l.startsWith('Leaders from'));
const last = lines.findIndex((l) => l.trimEnd().endsWith('has exceeded 5,000.'));
ok(first >= 0 && last > first, 'fixture: body start/end not found');
const related = lines.slice(first, last + 1).map((l) => l.trim()).filter((l) => l === 'Read more' || l.startsWith('RT crew joins'));
eq(related.length, 3, 'fixture: related-link lines inside the body');
const paragraphs = lines
  .slice(first, last + 1)
  .map((l) => l.trim())
  .filter((l) => l !== '' && l !== 'Read more' && l !== 'RT crew joins Russian peacekeepers in Kazakhstan (VIDEO)');
eq(paragraphs.length, 9, 'fixture: body paragraph count');
const expectedBody = paragraphs.join('\n\n');

// ── top-level shape ───────────────────────────────────────────────────────
for (const key of ['_rules', 'countries', 'organizations', 'memberships', 'chairmanships', 'people', 'places', 'publishers', 'claimants', 'crises', 'articles']) {
  ok(key in seed, `missing top-level key ${key}`);
}

// _rules: one entry per Qualifier
for (const qv of enums.Qualifier || []) ok(typeof seed._rules[qv] === 'string' && seed._rules[qv].length > 0, `_rules has no rule for ${qv}`);
for (const k of Object.keys(seed._rules)) if (!k.startsWith('_')) isEnum('Qualifier', k, '_rules key');

// ── countries ─────────────────────────────────────────────────────────────
const countries = unique(seed.countries, (c) => c.isoCode, 'country');
for (const c of seed.countries) ok(/^[A-Z]{2}$/.test(c.isoCode) && c.name, `country ${JSON.stringify(c)}`);
const country = (code, where, nullable = false) => (code === null && nullable) || ok(countries.has(code), `${where}: unknown country ${JSON.stringify(code)}`);

// ── organizations (parents first) ─────────────────────────────────────────
const orgs = new Set(reference.organizations.map((o) => o.name));
for (const o of seed.organizations) {
  ok(!orgs.has(o.name), `duplicate organization ${o.name}`);
  if (o.parent !== null) ok(orgs.has(o.parent), `organization ${o.name}: parent ${o.parent} not listed before it`);
  country(o.country, `organization ${o.name}`, true);
  isDate(o.foundedOn, `organization ${o.name} foundedOn`, true);
  orgs.add(o.name);
}
const org = (name, where, nullable = false) => (name === null && nullable) || ok(orgs.has(name), `${where}: unknown organization ${JSON.stringify(name)}`);

// ── people ────────────────────────────────────────────────────────────────
const people = unique(seed.people, (p) => p.name, 'person');
for (const p of seed.people) {
  unique(p.roles, (r) => r.title, `role of ${p.name}`);
  for (const r of p.roles) {
    country(r.country, `role ${p.name}/${r.title}`, true);
    org(r.organization, `role ${p.name}/${r.title}`, true);
    isDate(r.from, `role ${p.name}/${r.title} from`, true);
    isDate(r.to, `role ${p.name}/${r.title} to`, true);
    if (r.from && r.to) ok(r.from < r.to, `role ${p.name}/${r.title}: from >= to`);
  }
}
const person = (name, where) => ok(people.has(name), `${where}: unknown person ${JSON.stringify(name)}`);

// ── memberships and chairmanships ─────────────────────────────────────────
unique(seed.memberships, (m) => `${m.organization}|${m.country}|${m.from}`, 'membership');
for (const m of seed.memberships) {
  const w = `membership ${m.country}@${m.organization} from ${m.from}`;
  org(m.organization, w);
  country(m.country, w);
  isEnum('MembershipStatus', m.status, w);
  isDate(m.from, w);
  isDate(m.to, w, true);
  if (m.to) ok(m.from < m.to, `${w}: from >= to`);
}
// no overlapping rows for the same country and organisation
for (const a of seed.memberships) for (const b of seed.memberships) {
  if (a === b || a.country !== b.country || a.organization !== b.organization) continue;
  ok(!(a.from < (b.to || '9999-12-31') && b.from < (a.to || '9999-12-31')), `overlapping memberships ${a.country} ${a.from} / ${b.from}`);
}
const CSTO = 'Collective Security Treaty Organization';
ok(!seed.organizations.some((o) => o.name === CSTO) && !seed.memberships.concat(seed.chairmanships).some((r) => r.organization === CSTO), 'the CSTO and its history belong to the reference data, not the seed');
const membersAsOf = (d) => reference.memberships.filter((m) => m.organization === CSTO && m.status === 'MEMBER' && active(m, d)).map((m) => m.country).sort();
eq(membersAsOf('2022-01-09'), ['AM', 'BY', 'KG', 'KZ', 'RU', 'TJ'], 'CSTO members as of 2022-01-09');
eq(membersAsOf('2000-01-01'), ['AM', 'BY', 'KG', 'KZ', 'RU', 'TJ'], 'CSTO members as of 2000-01-01');
eq(membersAsOf('2008-01-01'), ['AM', 'BY', 'KG', 'KZ', 'RU', 'TJ', 'UZ'], 'CSTO members as of 2008-01-01');
eq(membersAsOf('1995-01-01'), ['AM', 'AZ', 'BY', 'GE', 'KG', 'KZ', 'RU', 'TJ', 'UZ'], 'CSTO members as of 1995-01-01');

unique(seed.chairmanships, (c) => `${c.organization}|${c.from}`, 'chairmanship');
for (const c of seed.chairmanships) {
  const w = `chairmanship ${c.country}@${c.organization} from ${c.from}`;
  org(c.organization, w);
  country(c.country, w);
  if (c.person !== null) person(c.person, w);
  isDate(c.from, w);
  isDate(c.to, w, true);
  if (c.to) ok(c.from < c.to, `${w}: from >= to`);
}
const chairAsOf = (d) => reference.chairmanships.filter((c) => c.organization === CSTO && active(c, d));
eq(chairAsOf('2022-01-09').map((c) => [c.country, c.person]), [['AM', 'Nikol Pashinyan']], 'CSTO chair as of 2022-01-09');

// ── places (parents first, unique per country/kind/name) ──────────────────
const places = new Map();
for (const p of seed.places) {
  const w = `place ${p.name}`;
  isEnum('PlaceKind', p.kind, w);
  country(p.country, w, true);
  ok(!places.has(placeKey(p)), `duplicate place ${placeKey(p)}`);
  if (p.parent !== null) ok([...places.values()].some((q) => q.name === p.parent && q.country === p.country), `${w}: parent ${p.parent} not listed before it`);
  if (p.latitude !== null) ok(p.latitude >= -90 && p.latitude <= 90, `${w}: latitude`);
  if (p.longitude !== null) ok(p.longitude >= -180 && p.longitude <= 180, `${w}: longitude`);
  if (p.population !== null) ok(Number.isInteger(p.population) && p.population > 0, `${w}: population`);
  places.set(placeKey(p), p);
}
const place = (ref, where) => ok(ref && places.has(placeKey(ref)), `${where}: unknown place ${JSON.stringify(ref)}`);

// ── publishers, claimants, crises ─────────────────────────────────────────
const publishers = unique(seed.publishers, (p) => p.name, 'publisher');
for (const p of seed.publishers) country(p.country, `publisher ${p.name}`, true);
const claimants = unique(seed.claimants, (c) => c.name, 'claimant');
for (const c of seed.claimants) {
  isEnum('ClaimantKind', c.kind, `claimant ${c.name}`);
  country(c.country, `claimant ${c.name}`, true);
  org(c.organization, `claimant ${c.name}`, true);
}
const crises = unique(seed.crises, (c) => c.slug, 'crisis');
for (const c of seed.crises) {
  country(c.country, `crisis ${c.slug}`, true);
  isDate(c.startDate, `crisis ${c.slug} startDate`, true);
  isDate(c.endDate, `crisis ${c.slug} endDate`, true);
}

// ── the article ───────────────────────────────────────────────────────────
eq(seed.articles.length, 1, 'article count');
function checkQuote(item, body, where) {
  ok(typeof item.quote === 'string' && item.quote.length > 0, `${where}: empty quote`);
  ok(Number.isInteger(item.quoteStart) && Number.isInteger(item.quoteEnd) && item.quoteStart < item.quoteEnd, `${where}: bad offsets`);
  eq(body.slice(item.quoteStart, item.quoteEnd), item.quote, `${where}: body.slice(quoteStart, quoteEnd)`);
}
// The rule table, as code: the figures must follow from the qualifier.
const printed = (text) => {
  const m = /\d[\d,]*/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
};
function expectedFigures(qualifier, n) {
  switch (qualifier) {
    case 'EXACT': return { low: n, best: n, high: n };
    case 'AROUND': case 'AT_LEAST': case 'OVER': case 'MORE_THAN': case 'EXCEEDED': return { low: n, best: n, high: null };
    case 'UP_TO': return { low: 0, best: n, high: n };
    case 'DOZENS': return { low: 12, best: 12, high: null };
    case 'SEVERAL_DOZEN': return { low: 24, best: 24, high: null };
    case 'HUNDREDS': return { low: 100, best: 100, high: null };
    case 'SEVERAL_HUNDRED': return { low: 200, best: 200, high: null };
    case 'THOUSANDS': return { low: 1000, best: 1000, high: null };
    default: return null;
  }
}

for (const a of seed.articles) {
  ok(crises.has(a.crisis), `article: unknown crisis ${a.crisis}`);
  ok(publishers.has(a.publisher), `article: unknown publisher ${a.publisher}`);
  if (!ok(a.body === expectedBody, 'article body differs from the fixture\'s nine paragraphs')) {
    let i = 0;
    while (i < a.body.length && a.body[i] === expectedBody[i]) i += 1;
    errors.push(`  first difference at index ${i}: fixture ${show(expectedBody.slice(i, i + 30))}, seed ${show(a.body.slice(i, i + 30))}`);
  }
  ok(a.body === a.body.trim(), 'article body has surrounding whitespace');
  if (a.contentHash !== undefined) eq(a.contentHash, crypto.createHash('sha256').update(fs.readFileSync(fixturePath)).digest('hex'), 'article contentHash (sha256 of fixture)');
  for (const field of ['headline', 'alternativeHeadline', 'section', 'publishedText']) {
    ok(a[field] && fixture.includes(a[field]), `article ${field} not found in fixture: ${JSON.stringify(a[field])}`);
  }
  ok(!Number.isNaN(Date.parse(a.publishedAt)), 'article publishedAt');
  for (const img of a.images) {
    eq(img.title, a.headline, 'image title');
    ok(fixture.includes(`${img.caption} ${img.copyrightNotice}`), 'image caption + copyright notice as printed in fixture');
    eq(img.copyrightNotice, `\u00a9 ${img.credit}`, 'image copyright notice');
  }
  unique(a.images, (i) => i.position, 'image position');
  unique(a.relatedLinks, (l) => l.position, 'related link position');
  for (const l of a.relatedLinks) ok(fixture.includes(l.title) && !a.body.includes(l.title), `related link title ${l.title}`);

  for (const name of a.mentionedPeople) person(name, 'mentionedPeople');
  for (const p of a.mentionedPlaces) place(p, 'mentionedPlaces');

  // events
  eq(a.events.length, 9, 'event count');
  let previous = '';
  a.events.forEach((e, i) => {
    const w = `event ${i + 1} (${e.title})`;
    isEnum('EventType', e.type, w);
    isEnum('DatePrecision', e.datePrecision, w);
    isDate(e.startDate, `${w} startDate`);
    isDate(e.endDate, `${w} endDate`);
    ok(e.startDate <= e.endDate, `${w}: startDate > endDate`);
    if (e.datePrecision === 'DAY') eq(e.endDate, e.startDate, `${w}: DAY precision spans one day`);
    ok(e.startDate >= previous, `${w}: events not in time order`);
    previous = e.startDate;
    if (e.dateText !== null) ok(e.quote.includes(e.dateText), `${w}: dateText not in quote`);
    checkQuote(e, a.body, w);
    for (const p of e.places) place(p, w);
    for (const p of e.participants) {
      ok(typeof p.role === 'string' && p.role.length > 0, `${w}: participant without role`);
      const refs = ['person', 'organization', 'country'].filter((k) => p[k] !== undefined && p[k] !== null);
      eq(refs.length, 1, `${w}: participant must name exactly one of person/organization/country`);
      if (p.person) person(p.person, w);
      if (p.organization) org(p.organization, w);
      if (p.country) country(p.country, w);
    }
  });

  // claims
  eq(a.casualtyStatistics.length, 5, 'casualty claim count');
  a.casualtyStatistics.forEach((c, i) => {
    const w = `claim ${i + 1} (${c.category} ${c.figureText})`;
    isEnum('CasualtyCategory', c.category, w);
    isEnum('AffectedGroup', c.affectedGroup, w);
    isEnum('Qualifier', c.qualifier, w);
    isEnum('ReviewStatus', c.reviewStatus, w);
    ok(claimants.has(c.claimant), `${w}: unknown claimant ${c.claimant}`);
    place(c.place, w);
    isDate(c.reportedAt, `${w} reportedAt`);
    checkQuote(c, a.body, w);
    ok(c.quote.toLowerCase().includes(c.figureText.toLowerCase()), `${w}: figureText not in quote`);
    ok(c.quote.includes(c.affectedGroupText), `${w}: affectedGroupText not in quote`);
    ok(Number.isInteger(c.low) && Number.isInteger(c.best) && (c.high === null || Number.isInteger(c.high)), `${w}: low/best/high must be integers`);
    ok(c.low <= c.best && (c.high === null || c.best <= c.high), `${w}: low <= best <= high`);
    ok(typeof c.confidence === 'number' && c.confidence >= 0 && c.confidence <= 1, `${w}: confidence`);
    eq({ low: c.low, best: c.best, high: c.high }, expectedFigures(c.qualifier, printed(c.figureText)), `${w}: figures per _rules`);
  });
}

// ── report ────────────────────────────────────────────────────────────────
if (errors.length) {
  console.error(`check-seed: ${errors.length} of ${checks} checks failed`);
  for (const e of errors) console.error('  - ' + e);
  process.exit(1);
}
console.log(`check-seed: all ${checks} checks passed (${path.relative(root, seedPath)})`);
