// Every write transaction announces itself, so every server's response cache
// (another replica, or the one beside an ingest CLI run) drops what it held.
// NOTIFY is delivered only when the transaction commits: a rolled-back write
// invalidates nothing.
import type { Prisma } from "../generated/prisma/client";

export const WRITES_CHANNEL = "crisis_graph_writes";

export async function announceWrite(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${WRITES_CHANNEL}', '')`);
}
