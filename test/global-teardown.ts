export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __dropTestDatabase?: () => Promise<void>; __embeddedPostgres?: { stop(): Promise<void> } };
  await state.__dropTestDatabase?.();
  await state.__embeddedPostgres?.stop();
}
