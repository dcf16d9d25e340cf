import { classifyDatabaseError, databaseProblem, DATABASE_RETRY_AFTER_SECONDS } from './database-errors';

/** The shapes Prisma 7 + @prisma/adapter-pg throw (recorded against a real server). */
const prismaError = (code: string, driverCause?: object, message = 'Invalid `prisma.x()` invocation') =>
  Object.assign(new Error(message), { name: 'PrismaClientKnownRequestError', code, clientVersion: '7', meta: driverCause ? { driverAdapterError: { name: 'DriverAdapterError', cause: driverCause } } : {} });
const postgres = (sqlState: string, message: string) => ({ originalCode: sqlState, originalMessage: message, kind: 'postgres', code: sqlState, severity: 'ERROR', message });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect', errno: -111 });

describe('classifyDatabaseError', () => {
  it.each([
    ['the server refuses connections (P1001)', prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 })],
    ['a raw query cannot reach it (P2010 carrying DatabaseNotReachable)', prismaError('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 })],
    ['the server closed the connection (P1017)', prismaError('P1017')],
    ['the pool timed out (P2024)', prismaError('P2024')],
    ['no transaction could start in time (P2028)', prismaError('P2028')],
    ['the connection was closed under a query', prismaError('P2010', { kind: 'ConnectionClosed' })],
    ['the administrator stopped the server (57P01)', prismaError('P2010', postgres('57P01', 'terminating connection due to administrator command'))],
    ['the server is starting up (57P03)', prismaError('P2010', postgres('57P03', 'the database system is starting up'))],
    ['too many connections', prismaError('P2010', { kind: 'TooManyConnections', cause: 'sorry, too many clients already' })],
    ['a socket error, alone', socketError('ECONNREFUSED')],
    ['a socket error, as a cause', new Error('query failed', { cause: socketError('ECONNRESET') })],
    ['an AggregateError of refused connections (IPv4 and IPv6)', new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')])],
    ['a raw pg error with its SQLSTATE', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' })],
    ['pg: connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['pg: pool connection timeout', new Error('timeout exceeded when trying to connect')],
    ['Prisma: only a message', new Error("Can't reach database server at 127.0.0.1:5432")],
  ])('%s → unavailable', (_label, error) => {
    expect(classifyDatabaseError(error)).toBe('unavailable');
  });

  it.each([
    ['a NUL character (22021)', prismaError('P2010', postgres('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))],
    ['a \\u0000 escape in jsonb (22P05)', prismaError('P2010', postgres('22P05', 'unsupported Unicode escape sequence'))],
    ['a date out of range (22008)', prismaError('P2010', postgres('22008', 'date/time field value out of range: "0000-01-01 00:00:00"'))],
    ['invalid JSON for jsonb (InvalidInputValue)', prismaError('P2010', { kind: 'InvalidInputValue', message: 'invalid input syntax for type json' })],
    ['a value too long for its column (P2000)', prismaError('P2000')],
  ])('%s → invalid input', (_label, error) => {
    expect(classifyDatabaseError(error)).toBe('invalid_input');
  });

  it.each([
    ['a unique constraint (P2002)', prismaError('P2002', { kind: 'UniqueConstraintViolation' })],
    ['the journal refusing an UPDATE (P0001 from its trigger)', prismaError('P2010', postgres('P0001', 'audit_entries is append-only'))],
    ['a record not found (P2025)', prismaError('P2025')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'string'],
    ['nothing', undefined],
  ])('%s → not a database failure', (_label, error) => {
    expect(classifyDatabaseError(error)).toBeNull();
  });

  it('survives an error that is its own cause', () => {
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(classifyDatabaseError(loop)).toBeNull();
  });
});

describe('databaseProblem', () => {
  it('answers an unavailable database with a 503 and a Retry-After', () => {
    const problem = databaseProblem(prismaError('P1001'))!;
    expect(problem.problem).toMatchObject({ status: 503, title: 'Service unavailable' });
    expect(problem.retryAfterSeconds).toBe(DATABASE_RETRY_AFTER_SECONDS);
  });

  it('answers a refused value with a 400', () => {
    expect(databaseProblem(prismaError('P2010', postgres('22021', 'invalid byte sequence')))!.problem).toMatchObject({ status: 400 });
  });
});
