// What the report says about where crisis-graph's time goes: written from
// CPU profiles (node --cpu-prof, perf on the PostgreSQL backends, autocannon,
// 10k dataset), pgbench and EXPLAIN, not computed by the run. Update it when
// a profile says otherwise.
export const WHERE_THE_TIME_GOES = `### Where crisis-graph's time goes

Server CPU per request is about PostGraphile's on the nested shapes (~1.0–1.4 ms on nested-2). What remained was PostgreSQL's,
and the largest part of it was planning: with \`LIMIT $n\` bound, PostgreSQL's generic plan cannot tell a page from the whole
table, so it planned every page statement anew on each execution (perf on the backends showed the planner's functions, and
pgbench ran the nested-2 statement at ~2,400 executions/s against PostGraphile's ~2,850, which writes its limit into the SQL).
With the limit written into the SQL it runs at ~3,050. What is left on PostgreSQL's side is building JSON (\`escape_json\` and
\`uuid_out\` lead perf's profile), where PostGraphile selects plain columns and text arrays.

From a CPU profile of \`nested-2\` at saturation (Node 20), shares of the server process's samples: ~25% \`writev\` (the thread
descheduled in the syscall that hands a statement to PostgreSQL on the shared cores; strace counts two writes per request),
~16% garbage collection, ~11% idle, ~5% Apollo Server, ~4% reading the page's JSON into rows, ~4% Prisma's raw query path,
~2% type-graphql, ~1% graphql-jit.

Levers taken, in order (requests/s on this machine, same-run comparisons, noisy): statements prepared once per connection and
reused by name; \`Event.places\` fetched ahead by a key lookup per link instead of a join PostgreSQL hashed once per event
(nested-3 in PostgreSQL 12.5 → 6.8 ms per request); a page of articles and everything fetched ahead below it in one statement,
its filters written as SQL instead of a Prisma query; rows as positional JSON arrays instead of keyed objects (flat-50 +20%);
no key columns for rows whose other selected fields are all fetched ahead (nested-2 ~360 → ~630 requests/s); \`article(id)\` and
\`Article\` entities read like page rows (by-id ~2,800 → ~3,400, entities-100 from 2 statements to 1); our own \`Date\`
serialisation (graphql-scalars' was 4.5% of the profile); page limits written into the SQL (flat-50 ~1,600 → ~2,250). Earlier:
graphql-jit, a per-document cache policy, fetching ahead.

The next levers: the \`events\` and \`casualtyStatistics\` root pages in one statement too (they still read their page through
Prisma, whose bound \`LIMIT\` is planned on every execution, then fetch ahead in a second statement); cheaper JSON in PostgreSQL
(the cursor key and the id only when asked; a page's extra row, fetched to learn \`hasNextPage\`, without its relations); the
claims' text order computed in SQL, so their \`quote\` is not read just to sort; specs for more relations and entities of more
types; and, on the server, fewer allocations per row (garbage collection is the largest share left).`;
