// `npm run consultation:retally -- <file or URL> [--audit-hash <hex>] [--audit-log <URL>]`
// Re-tallies a consultation (issue 18) from its published ballot list alone:
// checks the list's SHA-256 (the canonical JSON of the ballots, sorted by
// receipt) against the hash written in the file and, when one is known, against
// the hash recorded in the hash-chained audit log; recomputes the result from
// the ballots and the paper totals; compares it with the published result.
//   <file or URL>: the ballot list (sesame-ballot-list/2 JSON, or the older /1), a path or http(s) URL.
//   --audit-hash <hex>: the ballotsSha256 read in the audit log (e.g. on /journal).
//   --audit-log <URL>: an audit-log listing to search (GET …/audit-log?…); by
//       default, when the list comes from a Sésame API URL (…/api/v1/…), its
//       `/api/v1/audit-log?subjectType=consultation`. The entry whose data holds
//       this consultation's `ballotsSha256` (and its `reference`) is used.
// Prints the check and the result as JSON on stdout, a summary in French on stderr.
// Exit codes: 0 everything matches, 1 a mismatch or an unreadable list, 2 usage.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ballotsSha256, explainMajorityJudgment, parseBallotList, verifyBallotList, type BallotList, type TallyResult } from '@sesame/domain';
import { runCommand } from './lib/run-command';

const USAGE = 'usage: npm run consultation:retally -- <ballot list file or URL> [--audit-hash <hex>] [--audit-log <URL>]';

class UsageError extends Error {}

/** node:crypto's SHA-256: the same digest as the domain's pure one, faster on a million ballots. */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.text();
  }
  return readFileSync(source, 'utf8');
}

interface AuditLookup {
  /** Where the hash was read. */
  source: string;
  /** The hash recorded for this consultation (null: no entry found). */
  hash: string | null;
  seq: number | null;
}

/** The audit-log listing of a Sésame API URL (…/api/v1/…), or null for any other URL or a file. */
export function defaultAuditLogUrl(source: string): string | null {
  const match = /^(https?:\/\/.+?\/api\/v1)\//.exec(source);
  return match ? `${match[1]}/audit-log?subjectType=consultation` : null;
}

interface AuditEntry {
  seq: number;
  subjectId: string | null;
  data: unknown;
}

/** Searches the audit log's pages for the consultation's ballotsSha256, preferring an entry naming the reference. */
async function lookUpAuditHash(listing: string, reference: string, recomputed: string): Promise<AuditLookup> {
  const found: { seq: number; hash: string; named: boolean }[] = [];
  for (let page = 1; page <= 200; page++) {
    const url = new URL(listing);
    url.searchParams.set('page', String(page));
    url.searchParams.set('pageSize', '100');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
    const body = (await response.json()) as { items?: AuditEntry[]; total?: number };
    const items = body.items ?? [];
    for (const entry of items) {
      const data = (entry.data ?? {}) as Record<string, unknown>;
      const hash = data.ballotsSha256;
      if (typeof hash !== 'string') continue;
      found.push({ seq: entry.seq, hash: hash.toLowerCase(), named: data.reference === reference || entry.subjectId === reference });
    }
    if (items.length < 100 || page * 100 >= (body.total ?? 0)) break;
  }
  // An entry naming this consultation decides; else any entry recording exactly this hash
  // (the API may name the consultation by its id only).
  const named = found.filter((f) => f.named).sort((a, b) => b.seq - a.seq)[0];
  const same = found.find((f) => f.hash === recomputed);
  const chosen = named ?? same ?? null;
  return { source: listing, hash: chosen?.hash ?? null, seq: chosen?.seq ?? null };
}

/** A short summary in French of the check and the result. */
export function frenchSummary(list: BallotList, check: ReturnType<typeof verifyBallotList>, audit: AuditLookup | null): string[] {
  const lines = [`Consultation ${list.consultation.reference} — ${list.consultation.title} (close le ${list.consultation.closedOn})`];
  lines.push(`Empreinte SHA-256 des bulletins recalculée : ${check.ballotsSha256}`);
  lines.push(check.fileHashMatches ? '✓ Elle correspond à l’empreinte écrite dans la liste.' : '✗ Elle NE correspond PAS à l’empreinte écrite dans la liste.');
  if (audit !== null && audit.hash === null) lines.push(`✗ Aucune empreinte de cette liste n’a été trouvée dans le journal d’audit (${audit.source}).`);
  else if (check.auditHashMatches === true) lines.push(`✓ Elle correspond à l’empreinte inscrite au journal d’audit${audit?.seq ? ` (entrée n° ${audit.seq})` : ''}.`);
  else if (check.auditHashMatches === false) lines.push(`✗ Elle NE correspond PAS à l’empreinte inscrite au journal d’audit${audit?.seq ? ` (entrée n° ${audit.seq})` : ''}.`);
  else lines.push('(Empreinte du journal d’audit non vérifiée : passez --audit-hash <empreinte> ou l’adresse de l’API.)');
  lines.push(check.resultMatches ? '✓ Le résultat recalculé est identique au résultat publié.' : '✗ Le résultat recalculé DIFFÈRE du résultat publié.');
  lines.push(...resultInFrench(check.result));
  return lines;
}

function resultInFrench(result: TallyResult): string[] {
  const parts = (p: { online: number; paper: number; total: number }) => `${p.total} (${p.online} en ligne, ${p.paper} sur papier)`;
  const lines = [`Bulletins : ${parts(result.ballots)}.`];
  switch (result.method) {
    case 'yes_no_abstain':
      lines.push(`Oui : ${parts(result.yes)} — ${result.yesPercentOfExpressed.replace('.', ',')} % des suffrages exprimés.`);
      lines.push(`Non : ${parts(result.no)} — ${result.noPercentOfExpressed.replace('.', ',')} % des suffrages exprimés.`);
      lines.push(`Abstention : ${parts(result.abstain)}.`);
      lines.push({ yes: 'Résultat : le oui l’emporte.', no: 'Résultat : le non l’emporte.', tie: 'Résultat : égalité.', none: 'Résultat : aucun suffrage exprimé.' }[result.outcome]);
      break;
    case 'single_choice':
      for (const o of result.options) lines.push(`${o.rank}. ${o.label} : ${parts(o.votes)} — ${o.percentOfExpressed.replace('.', ',')} % des suffrages exprimés.`);
      lines.push(`Blancs : ${parts(result.blank)}.`);
      break;
    case 'approval':
      for (const o of result.options) lines.push(`${o.rank}. ${o.label} : approuvée sur ${parts(o.approvals)} bulletins — ${o.percentOfBallots.replace('.', ',')} %.`);
      break;
    case 'majority_judgment':
      // In plain words, as on the results page: no « p », « q » nor « Bien− ».
      for (const o of result.options) lines.push(`${o.rank}. ${o.label} : « ${o.majorityGradeLabel} » ${o.sign === '+' ? 'avec de la marge' : 'de justesse'} (mieux : ${o.p.replace('.', ',')} %, moins bien : ${o.q.replace('.', ',')} %).`);
      lines.push(...explainMajorityJudgment(result.explanation, 'fr'));
      break;
  }
  return lines;
}

export async function retally(source: string, options: { auditHash?: string; auditLog?: string } = {}): Promise<{ ok: boolean; output: Record<string, unknown>; summary: string[] }> {
  let value: unknown;
  try {
    value = JSON.parse(await readSource(source));
  } catch (error) {
    throw new Error(`${source}: not a readable JSON ballot list (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parseBallotList(value);
  if (!parsed.ok) return { ok: false, output: { source, valid: false, problems: parsed.problems }, summary: ['✗ La liste des bulletins est invalide :', ...parsed.problems] };
  const list = parsed.list;
  let audit: AuditLookup | null = null;
  if (options.auditHash !== undefined) audit = { source: '--audit-hash', hash: options.auditHash.toLowerCase(), seq: null };
  else {
    const listing = options.auditLog ?? defaultAuditLogUrl(source);
    if (listing) audit = await lookUpAuditHash(listing, list.consultation.reference, ballotsSha256(list.ballots, sha256));
  }
  const check = verifyBallotList(list, audit?.hash ?? null, sha256);
  const auditMissing = audit !== null && audit.hash === null;
  const ok = check.ok && !auditMissing;
  const summary = frenchSummary(list, check, audit);
  return {
    ok,
    summary,
    output: {
      source,
      valid: true,
      consultation: list.consultation,
      ballots: list.ballots.length,
      ballotsSha256: check.ballotsSha256,
      fileBallotsSha256: list.ballotsSha256,
      fileHashMatches: check.fileHashMatches,
      auditHash: audit?.hash ?? null,
      auditEntrySeq: audit?.seq ?? null,
      auditSource: audit?.source ?? null,
      auditHashMatches: auditMissing ? false : check.auditHashMatches,
      resultMatchesPublished: check.resultMatches,
      ok,
      result: check.result,
    },
  };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { 'audit-hash': { type: 'string' }, 'audit-log': { type: 'string' } } });
    if (parsed.positionals.length !== 1) throw new UsageError(USAGE);
    const hash = parsed.values['audit-hash'];
    if (hash !== undefined && !/^[0-9a-fA-F]{64}$/.test(hash)) throw new UsageError(`--audit-hash: 64 hexadecimal digits expected\n${USAGE}`);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { ok, output, summary } = await retally(parsed.positionals[0]!, { auditHash: parsed.values['audit-hash'], auditLog: parsed.values['audit-log'] });
  console.log(JSON.stringify(output, null, 2));
  console.error(summary.join('\n'));
  if (!ok) console.error('ÉCART : la liste publiée ne donne pas le résultat publié, ou son empreinte ne correspond pas.');
  return ok ? 0 : 1;
}

runCommand(module, main);
