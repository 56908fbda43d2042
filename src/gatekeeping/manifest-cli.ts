// npm run persisted-queries -- <folder or .graphql files> --out manifest.json
// Writes the persisted query manifest of a frontend's operations (to stdout
// without --out; `npm run` prints its own header there, so use --out or
// `npm run --silent`), for PERSISTED_QUERIES=safelist with
// PERSISTED_QUERIES_MANIFEST=manifest.json.
import fs from "node:fs";
import { loadConfig } from "../config";
import { buildFederatedSchema } from "../schema";
import { buildManifest, graphqlFiles } from "./manifest";
import { operationLimitRules } from "./operation-limits";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const targets = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
  if (targets.length === 0 || targets.some((target) => target.startsWith("-")) || (outAt >= 0 && !out)) {
    throw new Error("Usage: npm run persisted-queries -- <folder or .graphql files> [--out manifest.json]");
  }
  const files = graphqlFiles(targets);
  if (files.length === 0) throw new Error("No .graphql or .gql files found");
  const config = loadConfig();
  const schema = await buildFederatedSchema({ maxEntityRepresentations: config.maxEntityRepresentations });
  const manifest = buildManifest(
    files.map((file) => ({ name: file, text: fs.readFileSync(file, "utf8") })),
    schema,
    operationLimitRules(config.operationLimits),
  );
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json);
  console.error(`${manifest.operations.length} operations from ${files.length} files`);
}

main().catch((error: unknown) => {
  console.error(`persisted-queries: ${(error as Error).message}`);
  process.exit(1);
});
