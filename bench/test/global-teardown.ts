export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __dropBenchDatabase?: () => Promise<void>; __embeddedPostgres?: { stop(): Promise<void> } };
  await state.__dropBenchDatabase?.();
  await state.__embeddedPostgres?.stop();
}
