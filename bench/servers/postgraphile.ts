// PostGraphile 5 (amber preset) over the benchmark database, as a benchmark
// peer: production settings (no GraphiQL, no watch, no explain), the same
// pool size as our server. Run with Node >= 22:
//   DATABASE_URL=... PORT=... node22 dist/servers/postgraphile.js
import http from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { conditionPlugins } from "./postgraphile-conditions";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error("DATABASE_URL is required");
const port = Number(process.env.PORT ?? 5678);
const host = process.env.HOST ?? "127.0.0.1";
const poolMax = Number(process.env.DB_POOL_MAX ?? 10);

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: conditionPlugins,
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: poolMax } })],
  grafserv: { port, host, graphiql: false, watch: false, graphqlOverGET: false },
  grafast: { explain: false },
});

async function main(): Promise<void> {
  const server = http.createServer();
  await pgl.createServ(grafserv).addTo(server);
  // Build the schema before announcing readiness, so the first measured request does not pay for it.
  await pgl.getSchema();
  server.listen(port, host, () => console.log(`[postgraphile] ready at http://${host}:${port}/graphql`));
  const stop = () => server.close(() => void Promise.resolve(pgl.release()).then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("[postgraphile] failed to start:", error);
  process.exit(1);
});
