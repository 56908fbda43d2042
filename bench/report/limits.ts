// What the report says about where crisis-graph's time goes: written from
// CPU profiles (node --cpu-prof, autocannon, 10k dataset), pgbench and
// EXPLAIN, not computed by the run. Update it when a profile says otherwise.
export const WHERE_THE_TIME_GOES = `### Where crisis-graph's time goes

Server CPU per request is now about PostGraphile's on the nested shapes (nested-2 ~1.1 ms each, nested-3 2.9 against 3.8 ms in
the run of 2026-11-26 07:09); what is left is PostgreSQL's. Each of our statements builds its answer as JSON (\`json_agg\` of
\`json_build_array\`), where PostGraphile selects plain columns and text arrays: pgbench, prepared, 4 clients, on the nested-2
statements gives ours ~2,300 and PostGraphile's ~2,850 executions/s; and the load phase measures PostgreSQL's CPU per request at
about twice PostGraphile's on every shape but nested-3 (by-id 0.12 against 0.05 ms, nested-2 0.98 against 0.54 ms). On two cores
shared by the server, PostgreSQL and the load generator, that is the remaining gap in requests/s.

From a CPU profile of \`nested-2\` at saturation (Node 20, after the changes below), shares of the server process's samples: ~25%
\`writev\` (the thread descheduled in the syscall that hands a statement to PostgreSQL on the shared cores; strace counts two
writes per request), ~16% garbage collection, ~11% idle, ~5% Apollo Server, ~4% reading the page's JSON into rows, ~4% Prisma's
raw query path, ~2% type-graphql, ~1% graphql-jit.

Levers taken, in order (requests/s on this machine, same-run comparisons, noisy): statements prepared once per connection and
reused by name; \`Event.places\` fetched ahead by a key lookup per link instead of a join PostgreSQL hashed once per event
(nested-3 in PostgreSQL 12.5 → 6.8 ms per request); a page of articles and everything fetched ahead below it in one statement,
its filters written as SQL instead of a Prisma query; rows as positional JSON arrays instead of keyed objects (flat-50 +20%);
no key columns for rows whose other selected fields are all fetched ahead (nested-2 ~360 → ~630 requests/s); \`article(id)\` and
\`Article\` entities read like page rows (by-id ~2,800 → ~3,400, entities-100 from 2 statements to 1); our own \`Date\`
serialisation (graphql-scalars' was 4.5% of the profile). Earlier: graphql-jit, a per-document cache policy, fetching ahead.

The next levers: cheaper JSON in PostgreSQL (fewer columns still: the cursor key and the id only when asked; single rows as
joins rather than correlated subqueries; a page's extra row, fetched to learn \`hasNextPage\`, without its relations); the claims'
text order computed in SQL, so their \`quote\` is not read just to sort; specs for more relations and entities of more types
(every relation without one costs a loader round and a statement per level); and, on the server, fewer allocations per row
(garbage collection is the largest share left).`;
