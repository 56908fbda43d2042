// npm run ingest -- <file or folder>… [--publisher NAME] [--crisis SLUG]
//                   [--url URL] [--published-at DATE] [--headline TEXT] [--language TAG]
// Reads news pages into the database (DATABASE_URL, or the embedded one).
//   --publisher  for pages that do not name their own publisher (a page that does keeps its name)
//   --crisis     the crisis of every page whose sidecar names none
//   --url, --published-at, --headline, --language: what is known about the one page given
//                (refused with several files: use a sidecar <name>.json beside each page)
// A sidecar <name>.json beside <name>.txt|.html holds the same for its page
// (url, publishedAt, headline, publisher, language, crisisSlug); see ingest-files.ts.
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { createPrismaClient } from "../db/prisma";
import { filesToIngest, ingestFiles, parseArguments } from "./ingest-files";
import { runCli } from "../cli/run-cli";

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const files = filesToIngest(args);
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.error(message));
  const prisma = createPrismaClient(database.url, config);
  try {
    await applyMigrations(database.url);
    const started = Date.now();
    const summary = await ingestFiles(prisma, files, {
      publisher: args.publisher,
      crisisSlug: args.crisisSlug,
      page: args.page,
      onProgress: (outcome, index, total) => {
        const detail = outcome.status === "FAILED" ? outcome.error : `${outcome.claims} claims, ${outcome.events} events, ${outcome.crisisSlug ? `crisis ${outcome.crisisSlug}` : "no crisis (unassigned)"}`;
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

if (require.main === module) runCli(main);
