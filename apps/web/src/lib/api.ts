/** Base URL of the Sésame API as seen from the web server (not the browser). */
export function apiBaseUrl(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
}

export class ApiUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiUnavailableError';
  }
}

/**
 * GET a JSON document from the API, never cached (the journal must be live).
 * Any network failure, timeout or non-2xx status becomes ApiUnavailableError.
 */
export async function getJson(path: string, timeoutMs = 5000): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl()}${path}`, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new ApiUnavailableError(`API unreachable: ${path}`, { cause });
  }
  if (!response.ok) {
    throw new ApiUnavailableError(`API answered ${response.status}: ${path}`);
  }
  return response.json();
}
