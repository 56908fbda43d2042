// The run's results as a server × shape grid, in report order.
import { SERVERS, SHAPES, type BenchResult, type BenchRun } from "./run-shape";

export interface Grid {
  servers: string[];
  shapes: string[];
  get(server: string, shape: string): BenchResult | undefined;
}

/** Known servers and shapes in report order, then any others the run has. */
export function gridOf(run: BenchRun): Grid {
  const servers: string[] = [...SERVERS];
  const shapes: string[] = [...SHAPES];
  const cells = new Map<string, BenchResult>();
  for (const result of run.results) {
    if (!servers.includes(result.server)) servers.push(result.server);
    if (!shapes.includes(result.shape)) shapes.push(result.shape);
    cells.set(`${result.server}\u0000${result.shape}`, result);
  }
  // A column or row with no result at all (e.g. a smoke run of two shapes) is noise.
  const present = (pick: (r: BenchResult) => string) => new Set(run.results.map(pick));
  const seenServers = present((r) => r.server);
  const seenShapes = present((r) => r.shape);
  return {
    servers: servers.filter((s) => seenServers.has(s)),
    shapes: shapes.filter((s) => seenShapes.has(s)),
    get: (server, shape) => cells.get(`${server}\u0000${shape}`),
  };
}
