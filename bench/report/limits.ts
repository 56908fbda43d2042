// What the report says about where crisis-graph's time goes: written from
// CPU profiles (node --cpu-prof, autocannon, 10k dataset) and EXPLAIN, not
// computed by the run. Update it when a profile says otherwise.
export const WHERE_THE_TIME_GOES = `### Where crisis-graph's time goes

From CPU profiles of \`nested-3\` at saturation (10k dataset, Node 20, 2026-11-26), shares of the server process's samples:
~18% idle (waiting on PostgreSQL, which shares the two cores), ~16% garbage collection, ~12% \`writev\` (sending ~50 KB responses over
loopback: kernel time every server pays per byte), ~11% reading the fetched-ahead JSON, ~5% Prisma (the page query), ~3% Apollo
Server, ~2% each graphql-scalars serialisation and type-graphql's resolver wrappers, ~1% graphql-jit's compiled execution. That
profile predates fetching only the selected columns ahead, which cut the fetch-ahead statement's JSON for \`nested-3\` from 284 KB
to 44 KB and its PostgreSQL execution from ~12 to ~6 ms (EXPLAIN ANALYZE, warm).

Levers taken, in the order they paid (server CPU per request on nested-3, Node 20, same machine, noisy): compiled execution with
graphql-jit and a per-document cache policy (19.9 → 11.1 ms); relations below a page fetched ahead in one statement as JSON
built in PostgreSQL, instead of one Prisma query per level (→ 7.6 ms); rows by id as JSON through Prisma's raw query, only the
selected columns for a page, no per-call copy of parent rows by type-graphql (→ ~6.7 ms); only the selected columns fetched
ahead (→ ~5.5 ms, and about half the PostgreSQL time).

The next levers: the root page itself as JSON from PostgreSQL (it is still a Prisma model query: ~0.5 ms of client CPU per
call); positional JSON arrays instead of keyed objects; specs for more relations (every relation without one costs a
loader round and a statement per level); and building whole responses' JSON in PostgreSQL, as PostGraphile does, which moves
the remaining per-field work out of Node.`;
