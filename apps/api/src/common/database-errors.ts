import { problemTypes } from '@sesame/domain';
import { ProblemException } from './problem.exception';

/**
 * What a database error means for the client. Prisma 7 with the pg adapter
 * reports the same failure in several shapes (a Prisma code, the adapter's
 * `kind`, PostgreSQL's SQLSTATE, a Node socket error, or only a message), so
 * each is looked for, in the error and its causes.
 *
 * - unavailable: the database cannot be reached or went away (stopped,
 *   restarting, too many connections, pool timeout) → 503 with Retry-After;
 *   the pool reconnects by itself once it is back.
 * - invalid input: PostgreSQL refused a value (invalid byte sequence, date out
 *   of range…) that the schemas let through → 400, never a 500.
 */
export type DatabaseFailure = 'unavailable' | 'invalid_input';

/** Seconds a client should wait before retrying while the database is away (a restart takes a few seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_PRISMA_CODES = new Set([
  'P1001', // can't reach the database server
  'P1002', // the server was reached but timed out
  'P1008', // operation timed out
  'P1017', // the server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2028', // transaction API error: could not start (or keep) a transaction in time
]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE: connection exceptions (08…), shutdown and start-up (57P01-57P03), insufficient resources (53…). */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-3])/;
const UNAVAILABLE_MESSAGE =
  /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|Server has closed the connection|terminating connection|the database system is (starting up|shutting down)|Connection refused/i;

const INVALID_INPUT_PRISMA_CODES = new Set(['P2000', 'P2007', 'P2020', 'P2033']);
const INVALID_INPUT_ADAPTER_KINDS = new Set(['LengthMismatch', 'ValueOutOfRange', 'InvalidInputValue']);
/** SQLSTATE class 22, data exception (22021 invalid byte sequence, 22P05 untranslatable character, 22008 date out of range…), and 54000 program limit exceeded. */
const INVALID_INPUT_SQLSTATE = /^(22|54000$)/;

interface Inspectable {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: unknown };
  cause?: unknown;
  errors?: unknown;
}

/** The error and every error it carries (causes, the adapter's error, an AggregateError's errors), breadth first. */
function* errorChain(error: unknown): Generator<Inspectable> {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const inspectable = current as Inspectable;
    yield inspectable;
    queue.push(inspectable.meta?.driverAdapterError, inspectable.cause);
    if (Array.isArray(inspectable.errors)) queue.push(...(inspectable.errors as unknown[]));
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What `error` says about the database, or null when it is something else. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  for (const part of errorChain(error)) {
    const code = text(part.code);
    // SQLSTATE: the adapter's originalCode, or the code of a raw pg error (five characters).
    const sqlState = text(part.originalCode) || (part.kind === 'postgres' || /^[0-9A-Z]{5}$/.test(code) ? code : '');
    if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_ADAPTER_KINDS.has(text(part.kind)) || UNAVAILABLE_SOCKET_CODES.has(code)) return 'unavailable';
    if (sqlState && UNAVAILABLE_SQLSTATE.test(sqlState)) return 'unavailable';
    if (INVALID_INPUT_PRISMA_CODES.has(code) || INVALID_INPUT_ADAPTER_KINDS.has(text(part.kind))) return 'invalid_input';
    if (sqlState && INVALID_INPUT_SQLSTATE.test(sqlState)) return 'invalid_input';
    if (UNAVAILABLE_MESSAGE.test(text(part.message))) return 'unavailable';
  }
  return null;
}

/** The problem to answer for a database error, or null when `error` is not one. */
export function databaseProblem(error: unknown): ProblemException | null {
  switch (classifyDatabaseError(error)) {
    case 'unavailable':
      return new ProblemException(
        { type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail: 'Le service est momentanément indisponible. Réessayez dans quelques secondes.' },
        DATABASE_RETRY_AFTER_SECONDS,
      );
    case 'invalid_input':
      return new ProblemException({ type: problemTypes.validation, title: 'Invalid request', status: 400, detail: 'La requête contient une valeur que la plateforme ne peut pas enregistrer.' });
    case null:
      return null;
  }
}
