// `npm run opinion-map -- <folder>`: the opinion map of a Polis conversation
// export, printed as JSON with the keys of Polis's own math output
// (math-pca2.json: pca.center, pca.comps, comment-projection,
// comment-extremity, repness, consensus, group-aware-consensus, base-clusters,
// group-clusters, …) plus Sésame's additions (fair-consensus,
// algorithm-version). The folder holds either the API export's votes.json and
// comments.json, or the CSV export's votes.csv and comments.csv (also with
// Polis's date-and-id prefix, e.g. 2025-08-29-0002-7btrabcujr-votes.csv).
//   --previous <math.json>  continue from a previous map in that format (e.g.
//                           Polis's math-pca2.json): its components, clustered
//                           participants, base clusters and groups — Polis's
//                           groups depend on its history, so this is how its
//                           numbers are reproduced exactly;
//   --pretty                indent the JSON.
// Exit codes: 0 printed, 2 unusable arguments or files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  computeOpinionMap,
  historyFromPolisMath,
  statementsFromPolisCsv,
  statementsFromPolisJson,
  toPolisMath,
  votesFromPolisCsv,
  votesFromPolisJson,
  type PolisConversation,
} from '../packages/domain/src/opinion-map';

const USAGE = 'usage: npm run opinion-map -- <folder with votes.json + comments.json, or votes.csv + comments.csv> [--previous math.json] [--pretty]';

class UsageError extends Error {}

/** The file of the folder named `name`, or ending with `-name` (Polis's CSV export prefixes its files). */
function findFile(folder: string, name: string): string | null {
  if (existsSync(path.join(folder, name))) return path.join(folder, name);
  const prefixed = readdirSync(folder).filter((file) => file.endsWith(`-${name}`)).sort();
  return prefixed.length > 0 ? path.join(folder, prefixed[prefixed.length - 1]!) : null;
}

function readConversation(folder: string): PolisConversation {
  if (!existsSync(folder)) throw new UsageError(`${folder}: no such folder`);
  const read = (file: string) => readFileSync(file, 'utf8');
  const votesJson = findFile(folder, 'votes.json');
  if (votesJson) {
    const commentsJson = findFile(folder, 'comments.json');
    const statements = commentsJson ? statementsFromPolisJson(JSON.parse(read(commentsJson))) : { zeroedStatements: [], metaStatements: [] };
    return { votes: votesFromPolisJson(JSON.parse(read(votesJson))), ...statements };
  }
  const votesCsv = findFile(folder, 'votes.csv');
  if (votesCsv) {
    const commentsCsv = findFile(folder, 'comments.csv');
    const statements = commentsCsv ? statementsFromPolisCsv(read(commentsCsv)) : { zeroedStatements: [], metaStatements: [] };
    return { votes: votesFromPolisCsv(read(votesCsv)), ...statements };
  }
  throw new UsageError(`${folder}: neither votes.json nor votes.csv`);
}

function main(): number {
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { previous: { type: 'string' }, pretty: { type: 'boolean' } } });
    if (positionals.length !== 1) throw new UsageError(USAGE);
    const conversation = readConversation(path.resolve(positionals[0]!));
    const previous = values.previous ? historyFromPolisMath(JSON.parse(readFileSync(values.previous, 'utf8'))) : null;
    const map = computeOpinionMap(
      { votes: conversation.votes, zeroedStatements: conversation.zeroedStatements },
      { previous, metaStatements: conversation.metaStatements },
    );
    process.stdout.write(`${JSON.stringify(toPolisMath(map), null, values.pretty ? 2 : undefined)}\n`);
    return 0;
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `opinion-map: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = main();
