// npm run crisis -- create --slug sudan-2023 --name "War in Sudan" --country SD --start 2023-04-15 [--end DAY] [--description TEXT]
// npm run crisis -- list
// npm run crisis -- update sudan-2023 [--slug NEW] [--name …] [--country XX|none] [--start DAY|none] [--end DAY|none] [--description TEXT|none]
// Crises in the database (DATABASE_URL, or the embedded one), checked as the
// createCrisis and updateCrisis mutations check them (crisis.service.ts).
// Exit 0 done, 1 refused (the reason is printed), 2 a usage error.
import { GraphQLError } from "graphql";
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { createPrismaClient } from "../db/prisma";
import { createCrisis, listCrises, updateCrisis, type CrisisFields } from "./crisis.service";
import { runCli } from "../cli/run-cli";

const USAGE = `Usage:
  npm run crisis -- create --slug SLUG --name NAME [--country XX] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--description TEXT]
  npm run crisis -- list
  npm run crisis -- update SLUG [--slug NEW] [--name NAME] [--country XX|none] [--start DAY|none] [--end DAY|none] [--description TEXT|none]`;


const FLAGS: Record<string, keyof CrisisFields> = {
  "--slug": "slug",
  "--name": "name",
  "--country": "countryIsoCode",
  "--start": "startDate",
  "--end": "endDate",
  "--description": "description",
};

export function parseCrisisArguments(argv: string[]): { command: "create" | "list" | "update"; slug?: string; fields: CrisisFields } {
  const [command, ...rest] = argv;
  if (command !== "create" && command !== "list" && command !== "update") throw new Error(`Unknown command "${command ?? ""}".\n${USAGE}`);
  let slug: string | undefined;
  if (command === "update") {
    slug = rest.shift();
    if (!slug || slug.startsWith("--")) throw new Error(`update needs the slug of the crisis to change.\n${USAGE}`);
  }
  const fields: CrisisFields = {};
  for (let i = 0; i < rest.length; i++) {
    const field = FLAGS[rest[i]];
    const value = rest[i + 1];
    if (!field || command === "list") throw new Error(`Unknown option "${rest[i]}".\n${USAGE}`);
    if (value === undefined) throw new Error(`${rest[i]} needs a value.\n${USAGE}`);
    // "none" clears a field in an update (where null means "clear").
    fields[field] = command === "update" && value === "none" && field !== "slug" && field !== "name" ? null : value;
    i++;
  }
  return { command, slug, fields };
}

function day(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "…";
}

async function main(): Promise<number> {
  const args = parseCrisisArguments(process.argv.slice(2));
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.error(message));
  const prisma = createPrismaClient(database.url, config);
  try {
    await applyMigrations(database.url);
    if (args.command === "list") {
      const crises = await listCrises(prisma);
      if (!crises.length) console.log("No crises yet: npm run crisis -- create --slug … --name … --country XX --start YYYY-MM-DD");
      for (const c of crises) console.log(`${c.slug}\t${c.name}\t${c.country?.isoCode ?? "--"}\t${day(c.startDate)} – ${day(c.endDate)}\t${c._count.articles} articles`);
      return 0;
    }
    const crisis = args.command === "create" ? await createCrisis(prisma, args.fields, "") : await updateCrisis(prisma, args.slug as string, args.fields, "");
    console.log(`${args.command === "create" ? "Created" : "Updated"} ${crisis.slug}: ${crisis.name} (${day(crisis.startDate)} – ${day(crisis.endDate)})`);
    return 0;
  } catch (error) {
    if (error instanceof GraphQLError) {
      console.error(`Refused (${String(error.extensions.reason ?? error.extensions.code)}): ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

if (require.main === module) runCli(main);
