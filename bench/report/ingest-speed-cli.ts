// node dist/report/ingest-speed-cli.js [--seconds 5] [--json]
// Prints how many fixture pages per second one core extracts (article, events, claims).
import os from "node:os";
import { measureExtractionSpeed } from "./ingest-speed";

function parseArguments(argv: string[]): { seconds: number; json: boolean } {
  const options = { seconds: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--seconds") {
      options.seconds = Number(argv[++i]);
      if (!(options.seconds > 0)) throw new Error("--seconds takes a positive number");
    } else if (arg === "--json") options.json = true;
    else throw new Error(`Unknown option ${arg}. Usage: ingest-speed-cli [--seconds 5] [--json]`);
  }
  return options;
}

try {
  const options = parseArguments(process.argv.slice(2));
  const speed = measureExtractionSpeed({ seconds: options.seconds });
  if (options.json) {
    console.log(JSON.stringify(speed));
  } else {
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(
      `Extraction (article + events + claims), one core of ${cpu}, Node ${process.version}:\n` +
        `  ${speed.articlesPerSecond.toFixed(1)} articles/s, ${speed.cpuMsPerArticle.toFixed(2)} CPU ms/article ` +
        `(${speed.articles} articles from ${speed.pages} fixture pages in ${speed.seconds.toFixed(1)} s)`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
