// `npm run opinion-map:recompute -- <API base URL> <deliberation id>` or `-- <folder>`:
// recomputes a space's opinion map from its published open data and compares
// it with the published snapshot (issue 16: anyone can check the map).
//   <API base URL> <id>  fetches <url>/api/v1/open-data/opinion-maps/<id>/statements.json,
//                        votes.json and snapshot.json (e.g. http://localhost:4000 <uuid>);
//   <folder>             reads statements.json, votes.json and snapshot.json saved from there.
//   --json               prints the recomputed figures as JSON (input hash, view, positions).
// Prints the input hash, the algorithm version, voters, votes, groups and
// what differs. Exit codes: 0 the same numbers, 1 a difference, 2 unusable
// arguments, files or answers.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recomputeOpinionMap, type PublishedOpinionMap, type PublishedSnapshot, type PublishedStatement, type PublishedVote } from './lib/opinion-map-recompute';

const USAGE = 'usage: npm run opinion-map:recompute -- <API base URL> <deliberation id> | <folder with statements.json, votes.json, snapshot.json> [--json]';

class UsageError extends Error {}

interface Document<R> {
  records: R[];
}

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new UsageError(`${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new UsageError(`${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

async function published(args: string[]): Promise<PublishedOpinionMap> {
  if (args.length === 1) {
    const folder = path.resolve(args[0]!);
    const read = <T>(name: string): T => {
      const file = path.join(folder, name);
      if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    };
    return { statements: read<Document<PublishedStatement>>('statements.json').records, votes: read<Document<PublishedVote>>('votes.json').records, snapshot: read<PublishedSnapshot>('snapshot.json') };
  }
  if (args.length === 2) {
    const base = `${args[0]!.replace(/\/+$/, '')}/api/v1/open-data/opinion-maps/${encodeURIComponent(args[1]!)}`;
    const [statements, votes, snapshot] = await Promise.all([
      fetchJson<Document<PublishedStatement>>(`${base}/statements.json`),
      fetchJson<Document<PublishedVote>>(`${base}/votes.json`),
      fetchJson<PublishedSnapshot>(`${base}/snapshot.json`),
    ]);
    return { statements: statements.records, votes: votes.records, snapshot };
  }
  throw new UsageError(USAGE);
}

async function main(): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } });
    const data = await published(positionals);
    const result = recomputeOpinionMap(data);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ inputHash: result.inputHash, algorithmVersion: result.algorithmVersion, view: result.view, positions: result.positions })}\n`);
    } else {
      const groups = (result.view.groups as unknown[] | undefined)?.length ?? 0;
      console.log(`input hash        ${result.inputHash}`);
      console.log(`published hash    ${data.snapshot.inputHash}`);
      console.log(`algorithm         ${result.algorithmVersion}`);
      console.log(`voters, votes     ${result.voters}, ${result.votes} (published: ${data.snapshot.voters}, ${data.snapshot.votes})`);
      console.log(`status, groups    ${String(result.view.status)}, ${groups}`);
      console.log(`warm start        ${result.warmStart}`);
      console.log(result.differences.length === 0 ? 'same numbers as the published map' : `DIFFERENT from the published map:\n  ${result.differences.join('\n  ')}`);
    }
    return result.differences.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `opinion-map:recompute: ${(error as Error).message}`);
    return 2;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
