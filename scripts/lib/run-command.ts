/**
 * Runs a command's `main` when the file is run, not when a spec imports it;
 * sets the exit code rather than calling exit(): a large JSON on a pipe must
 * be flushed first.
 */
export function runCommand(module: NodeJS.Module, main: () => Promise<number>): void {
  if (require.main !== module) return;
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
