import { explainMajorityJudgment, majorityJudgmentExplanation, type MajorityJudgmentExplanation } from './explanation';
import { exactPercent, majorityJudgment } from './majority-judgment';
import { ballotChoicesChecker, gradesOf, paperTotalsProblems, type BallotChoices, type MajorityJudgmentChoices, type PaperTotals, type VotingMethod, type VotingRules } from './rules';

/**
 * Tallies a consultation: the online ballots (choices as cast, or counted
 * beforehand by SQL) and the totals of paper ballots counted at polling
 * stations, combined, each part kept visible. Counts are JSON numbers (safe
 * integers, checked); majority judgment itself computes with BigInt. The result
 * is a plain JSON object, published with the ballot list and recomputed by
 * `npm run consultation:retally`: keep it deterministic (no dates, no floats).
 */

/** One count split by where the ballots were cast. */
export interface CountParts {
  online: number;
  paper: number;
  total: number;
}

/** The online ballots already counted, in the shape of paper totals (what `GROUP BY` gives the API at the close). */
export type BallotCounts =
  | { method: 'yes_no_abstain'; counts: { yes: number; no: number; abstain: number } }
  | { method: 'single_choice'; counts: { options: Record<string, number>; blank: number } }
  | { method: 'approval'; counts: { options: Record<string, number>; ballots: number } }
  /** Per option, ballots per grade, best first. */
  | { method: 'majority_judgment'; counts: { options: Record<string, number[]> } };

interface TallyBase {
  method: VotingMethod;
  /** Ballots cast (online) and in the paper boxes. */
  ballots: CountParts;
  /** Paper count records, without their counts (station, place, time, officers). */
  paperStations: { station: string; place: string; countedAt: string; officers: string[] }[];
}

export interface YesNoAbstainTally extends TallyBase {
  method: 'yes_no_abstain';
  yes: CountParts;
  no: CountParts;
  abstain: CountParts;
  /** Yes + no: abstentions are not expressed votes. */
  expressed: CountParts;
  yesPercentOfExpressed: string;
  noPercentOfExpressed: string;
  outcome: 'yes' | 'no' | 'tie' | 'none';
}

export interface SingleChoiceTally extends TallyBase {
  method: 'single_choice';
  options: { id: string; label: string; votes: CountParts; percentOfExpressed: string; rank: number }[];
  blank: CountParts;
  expressed: CountParts;
  ranking: string[][];
  winners: string[];
}

export interface ApprovalTally extends TallyBase {
  method: 'approval';
  options: { id: string; label: string; approvals: CountParts; percentOfBallots: string; rank: number }[];
  ranking: string[][];
  winners: string[];
}

export interface MajorityJudgmentTally extends TallyBase {
  method: 'majority_judgment';
  /** The scale, best first. */
  grades: string[];
  /** How an option left ungraded counts (ALGORITHMS.md §2): the lowest grade. */
  missingGrade: 'lowest';
  /** Options best first; profiles best first. */
  options: { id: string; label: string; rank: number; profile: { online: number[]; paper: number[]; total: number[] }; majorityGrade: number; majorityGradeLabel: string; sign: '+' | '-'; p: string; q: string }[];
  ranking: string[][];
  winners: string[];
  explanation: MajorityJudgmentExplanation;
  /** The explanation in plain French, then English. */
  sentences: { fr: string[]; en: string[] };
}

export type TallyResult = YesNoAbstainTally | SingleChoiceTally | ApprovalTally | MajorityJudgmentTally;

export class TallyError extends Error {}

function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new TallyError(`${what}: the count ${n} is beyond exact JSON numbers`);
  return n;
}

const parts = (online: number, paper: number): CountParts => ({ online, paper, total: safe(online + paper, 'total') });
const addParts = (a: CountParts, b: CountParts): CountParts => parts(a.online + b.online, a.paper + b.paper);

/** Counts validated ballots' choices; throws a TallyError naming the first invalid ballot. */
export function countBallots(rules: VotingRules, ballots: Iterable<{ choices: unknown; receipt?: string }>): BallotCounts {
  const problemOf = ballotChoicesChecker(rules);
  const ids = (rules.options ?? []).map((o) => o.id);
  const zeroes = () => Object.fromEntries(ids.map((id) => [id, 0])) as Record<string, number>;
  const check = (b: { choices: unknown; receipt?: string }, index: number): BallotChoices => {
    const problem = problemOf(b.choices);
    if (problem !== null) throw new TallyError(`ballot ${b.receipt ?? `#${index + 1}`}: ${problem}`);
    return b.choices as BallotChoices;
  };
  let index = 0;
  switch (rules.method) {
    case 'yes_no_abstain': {
      const counts = { yes: 0, no: 0, abstain: 0 };
      for (const b of ballots) counts[(check(b, index++) as { answer: 'yes' | 'no' | 'abstain' }).answer] += 1;
      return { method: 'yes_no_abstain', counts };
    }
    case 'single_choice': {
      const options = zeroes();
      for (const b of ballots) options[(check(b, index++) as { option: string }).option]! += 1;
      return { method: 'single_choice', counts: { options, blank: 0 } };
    }
    case 'approval': {
      const options = zeroes();
      for (const b of ballots) {
        for (const id of (check(b, index++) as { options: string[] }).options) options[id]! += 1;
      }
      return { method: 'approval', counts: { options, ballots: index } };
    }
    case 'majority_judgment': {
      const size = gradesOf(rules).length;
      const options = Object.fromEntries(ids.map((id) => [id, new Array<number>(size).fill(0)])) as Record<string, number[]>;
      for (const b of ballots) {
        const { grades } = check(b, index++) as MajorityJudgmentChoices;
        for (const id of ids) options[id]![grades[id]!]! += 1;
      }
      return { method: 'majority_judgment', counts: { options } };
    }
  }
}

/** Ranks ids by a score, highest first; equal scores share a rank. */
function rankByScore(ids: string[], score: (id: string) => number): { ranking: string[][]; rank: Map<string, number> } {
  const sorted = [...ids].sort((a, b) => score(b) - score(a));
  const ranking: string[][] = [];
  const rank = new Map<string, number>();
  sorted.forEach((id, i) => {
    if (i > 0 && score(sorted[i - 1]!) === score(id)) {
      ranking[ranking.length - 1]!.push(id);
      rank.set(id, rank.get(sorted[i - 1]!)!);
    } else {
      ranking.push([id]);
      rank.set(id, i + 1);
    }
  });
  return { ranking, rank };
}

/** The result from online counts and paper totals (throws a TallyError when a part does not fit the rules). */
export function tallyCounts(rules: VotingRules, online: BallotCounts, paperTotals: readonly PaperTotals[] = []): TallyResult {
  if (online.method !== rules.method) throw new TallyError(`online counts for ${online.method}, the rules say ${rules.method}`);
  const problems = paperTotals.flatMap((t) => paperTotalsProblems(rules, t));
  if (problems.length > 0) throw new TallyError(problems.join('; '));
  const options = rules.options ?? [];
  const ids = options.map((o) => o.id);
  const labelOf = Object.fromEntries(options.map((o) => [o.id, o.label]));
  const paperStations = paperTotals.map(({ station, place, countedAt, officers }) => ({ station, place, countedAt, officers: [...officers] }));
  const paperSum = (pick: (t: PaperTotals) => number) => paperTotals.reduce((s, t) => safe(s + pick(t), 'paper total'), 0);
  const optionsCount = (c: Record<string, number>, id: string) => {
    const value = c[id];
    if (value === undefined) throw new TallyError(`no count for option ${id}`);
    return value;
  };

  switch (online.method) {
    case 'yes_no_abstain': {
      const paper = (key: 'yes' | 'no' | 'abstain') => paperSum((t) => (t.method === 'yes_no_abstain' ? t.counts[key] : 0));
      const yes = parts(online.counts.yes, paper('yes'));
      const no = parts(online.counts.no, paper('no'));
      const abstain = parts(online.counts.abstain, paper('abstain'));
      const expressed = addParts(yes, no);
      return {
        method: 'yes_no_abstain',
        ballots: addParts(expressed, abstain),
        paperStations,
        yes,
        no,
        abstain,
        expressed,
        yesPercentOfExpressed: exactPercent(BigInt(yes.total), BigInt(expressed.total)),
        noPercentOfExpressed: exactPercent(BigInt(no.total), BigInt(expressed.total)),
        outcome: expressed.total === 0 ? 'none' : yes.total > no.total ? 'yes' : no.total > yes.total ? 'no' : 'tie',
      };
    }
    case 'single_choice': {
      const votes = Object.fromEntries(ids.map((id) => [id, parts(optionsCount(online.counts.options, id), paperSum((t) => (t.method === 'single_choice' ? optionsCount(t.counts.options, id) : 0)))]));
      const blank = parts(online.counts.blank, paperSum((t) => (t.method === 'single_choice' ? t.counts.blank : 0)));
      const expressed = ids.reduce((acc, id) => addParts(acc, votes[id]!), parts(0, 0));
      const { ranking, rank } = rankByScore(ids, (id) => votes[id]!.total);
      return {
        method: 'single_choice',
        ballots: addParts(expressed, blank),
        paperStations,
        options: ranking.flat().map((id) => ({ id, label: labelOf[id]!, votes: votes[id]!, percentOfExpressed: exactPercent(BigInt(votes[id]!.total), BigInt(expressed.total)), rank: rank.get(id)! })),
        blank,
        expressed,
        ranking,
        winners: expressed.total === 0 ? [] : ranking[0]!,
      };
    }
    case 'approval': {
      const approvals = Object.fromEntries(ids.map((id) => [id, parts(optionsCount(online.counts.options, id), paperSum((t) => (t.method === 'approval' ? optionsCount(t.counts.options, id) : 0)))]));
      const ballots = parts(online.counts.ballots, paperSum((t) => (t.method === 'approval' ? t.counts.ballots : 0)));
      const { ranking, rank } = rankByScore(ids, (id) => approvals[id]!.total);
      const anyApproval = ids.some((id) => approvals[id]!.total > 0);
      return {
        method: 'approval',
        ballots,
        paperStations,
        options: ranking.flat().map((id) => ({ id, label: labelOf[id]!, approvals: approvals[id]!, percentOfBallots: exactPercent(BigInt(approvals[id]!.total), BigInt(ballots.total)), rank: rank.get(id)! })),
        ranking,
        winners: anyApproval ? ranking[0]! : [],
      };
    }
    case 'majority_judgment': {
      const grades = gradesOf(rules);
      const size = grades.length;
      const profileOf = (c: Record<string, number[]>, id: string) => {
        const profile = c[id];
        if (profile === undefined || profile.length !== size) throw new TallyError(`option ${id} needs ${size} counts`);
        return profile;
      };
      const onlineProfiles = Object.fromEntries(ids.map((id) => [id, [...profileOf(online.counts.options, id)]]));
      const paperProfiles = Object.fromEntries(ids.map((id) => [id, new Array<number>(size).fill(0)]));
      for (const t of paperTotals) {
        if (t.method !== 'majority_judgment') continue;
        for (const id of ids) profileOf(t.counts.options, id).forEach((c, g) => (paperProfiles[id]![g] = safe(paperProfiles[id]![g]! + c, 'paper total')));
      }
      const totalProfiles = Object.fromEntries(ids.map((id) => [id, onlineProfiles[id]!.map((c, g) => safe(c + paperProfiles[id]![g]!, 'total'))]));
      const sumOf = (p: number[]) => p.reduce((a, b) => a + b, 0);
      const onlineBallots = Math.max(0, ...ids.map((id) => sumOf(onlineProfiles[id]!)));
      const paperBallots = Math.max(0, ...ids.map((id) => sumOf(paperProfiles[id]!)));
      // The MJ core wants profiles worst first: reverse the best-first scale.
      const result = majorityJudgment({ options: ids.map((id) => ({ id, counts: [...totalProfiles[id]!].reverse() })), gradeCount: size, missing: { mode: 'lowest' } });
      const explanation = majorityJudgmentExplanation(result, grades, labelOf);
      const byId = new Map(explanation.options.map((o) => [o.id, o]));
      return {
        method: 'majority_judgment',
        ballots: parts(onlineBallots, paperBallots),
        paperStations,
        grades,
        missingGrade: 'lowest',
        options: result.options.map((o) => {
          const e = byId.get(o.id)!;
          return { id: o.id, label: labelOf[o.id]!, rank: o.rank, profile: { online: onlineProfiles[o.id]!, paper: paperProfiles[o.id]!, total: totalProfiles[o.id]! }, majorityGrade: e.majorityGrade, majorityGradeLabel: e.majorityGradeLabel, sign: e.sign, p: e.p, q: e.q };
        }),
        ranking: result.ranking,
        winners: result.total === 0n ? [] : result.winners,
        explanation,
        sentences: { fr: explainMajorityJudgment(explanation, 'fr'), en: explainMajorityJudgment(explanation, 'en') },
      };
    }
  }
}

/** Tallies the online ballots (validated against the rules) and the paper totals. */
export function tallyBallots(rules: VotingRules, ballots: Iterable<{ choices: unknown; receipt?: string }>, paperTotals: readonly PaperTotals[] = []): TallyResult {
  return tallyCounts(rules, countBallots(rules, ballots), paperTotals);
}
