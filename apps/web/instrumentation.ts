// Next.js calls register() once when the server starts (and loads this file
// for every runtime: the Node.js-only part is imported on demand).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` may load this file too: there is no server to guard then.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startWebServer } = await import('./src/lib/server-start');
  startWebServer();
}
