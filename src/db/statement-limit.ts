// Statements in flight per request: one GraphQL request (15 aliased searches
// with their counts, say) runs its SQL statements at most `max` at a time, so
// it never holds more than `max` of the pool's connections and every other
// request still finds one. The rest of its statements wait their turn here,
// in the request, not in the pool's queue where they would hold up everyone.
import type { PrismaClient } from "./prisma";

/** At most `max` holders at once; the others wait in arrival order. */
export class Semaphore {
  #active = 0;
  #peak = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  /** The most holders there ever were at once (tests read it). */
  get peak(): number {
    return this.#peak;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active >= this.max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active++;
    this.#peak = Math.max(this.#peak, this.#active);
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line (#active stays), or free it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}

/**
 * The client, with every operation it runs (model queries, raw SQL, the
 * statements inside its interactive transactions) taking a turn of `limit`.
 * Prisma's query extension hooks queries only, so the client keeps its type.
 *
 * Not the operations of an array `$transaction([...])`: Prisma sends them
 * together, on one connection, and each resolves only when all have run, so
 * taking turns one by one would wait on itself. (Nothing serving requests
 * uses that form today; its connection is one, like any statement's.)
 */
export function limitStatements(prisma: PrismaClient, limit: Semaphore): PrismaClient {
  return prisma.$extends({
    query: {
      $allOperations(params) {
        const { args, query } = params;
        if (inBatchTransaction(params)) return query(args);
        return limit.run(() => query(args));
      },
    },
  }) as unknown as PrismaClient;
}

/** Prisma passes its request along as `__internalParams` (not in its types): a batch transaction's carry `transaction.kind: "batch"`. */
function inBatchTransaction(params: object): boolean {
  return (params as { __internalParams?: { transaction?: { kind?: string } } }).__internalParams?.transaction?.kind === "batch";
}
