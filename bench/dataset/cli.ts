// node dist/dataset/cli.js --size 10k [--seed 42] [--database-url URL] [--no-replace] [--remove]
// Fills a migrated database with the synthetic benchmark dataset (DATABASE_URL by
// default). A dataset generated earlier is replaced unless --no-replace; --remove
// only deletes it. Progress goes to stderr, the summary (JSON) to stdout.
import { ARTICLES_PER_SIZE, DEFAULT_SEED, generateDataset, removeDataset } from "./generate";
import type { DatasetSize } from "./generate";

const USAGE = `Usage: node dist/dataset/cli.js --size ${Object.keys(ARTICLES_PER_SIZE).join("|")} [--seed N] [--database-url URL] [--no-replace] [--remove]`;

interface Arguments {
  size?: DatasetSize;
  seed: number;
  databaseUrl?: string;
  replace: boolean;
  remove: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const options: Arguments = { seed: DEFAULT_SEED, databaseUrl: process.env.DATABASE_URL, replace: true, remove: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === "--size") {
      const size = value();
      if (!(size in ARTICLES_PER_SIZE)) throw new Error(`Unknown size "${size}"\n${USAGE}`);
      options.size = size as DatasetSize;
    } else if (arg === "--seed") {
      options.seed = Number(value());
    } else if (arg === "--database-url") {
      options.databaseUrl = value();
    } else if (arg === "--no-replace") {
      options.replace = false;
    } else if (arg === "--replace") {
      options.replace = true;
    } else if (arg === "--remove") {
      options.remove = true;
    } else {
      throw new Error(`Unknown argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (!options.databaseUrl) throw new Error(`Set DATABASE_URL or pass --database-url\n${USAGE}`);
  const onProgress = (message: string) => console.error(message);
  if (options.remove) {
    const removed = await removeDataset({ databaseUrl: options.databaseUrl, onProgress });
    console.error(removed > 0 ? `Removed the generated dataset (${removed} crises).` : "No generated dataset found.");
    return;
  }
  if (!options.size) throw new Error(USAGE);
  const summary = await generateDataset({ databaseUrl: options.databaseUrl, size: options.size, seed: options.seed, replace: options.replace, onProgress });
  console.log(JSON.stringify(summary, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
