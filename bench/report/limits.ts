// What the report says about where crisis-graph's time goes: written from a
// CPU profile (node --cpu-prof, autocannon on nested-3, 10k dataset), not
// computed by the run. Update it when a profile says otherwise.
export const WHERE_THE_TIME_GOES = `### Where crisis-graph's time goes

From a CPU profile of \`nested-3\` at saturation (10k dataset, Node 20, 2026-11-26), shares of the server process's samples:
~18% idle (waiting on PostgreSQL, which shares the two cores), ~16% garbage collection, ~12% \`writev\` (sending ~50 KB responses over
loopback: kernel time every server pays per byte), ~11% reading the fetched-ahead JSON (\`JSON.parse\` of full rows, then
Dates and loader priming), ~5% Prisma (the page query), ~3% Apollo Server, ~2% each graphql-scalars serialisation and
type-graphql's resolver wrappers, ~1% graphql-jit's compiled execution.

Levers already taken, in the order they paid (server CPU per request on nested-3, same machine, noisy): compiled execution with
graphql-jit and a per-document cache policy (19.9 → 11.1 ms); relations below a page fetched ahead in one statement as JSON
built in PostgreSQL, instead of one Prisma query per level (→ 7.6 ms); rows by id as JSON through Prisma's raw query, only the
selected columns for a page, and no per-call copy of parent rows by type-graphql (→ ~6.7 ms).

The next levers: send only the selected columns below a page too (rows are fetched whole so that any resolver can use a
primed row; a per-selection column set must then key the loaders), positional JSON arrays instead of keyed objects (smaller
documents, cheaper parsing), and building the response's JSON for whole pages in PostgreSQL as PostGraphile does, which
moves the remaining per-field work out of Node.`;
