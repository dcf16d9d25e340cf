import { z } from 'zod';

/**
 * The voting rules a tally needs (the method and its options), the choices a
 * ballot may hold under them, and the totals of paper ballots counted at a
 * polling station. Shared by the API (validation at casting), the published
 * ballot list and the re-tally command.
 */

export const VOTING_METHODS = ['yes_no_abstain', 'single_choice', 'approval', 'majority_judgment'] as const;
export const VotingMethodSchema = z.enum(VOTING_METHODS);
export type VotingMethod = z.infer<typeof VotingMethodSchema>;

/** The default French scale of majority judgment, best first (index 0 = « Excellent », 5 = « À rejeter »). */
export const DEFAULT_MAJORITY_JUDGMENT_GRADES = ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'] as const;

export const BallotOptionSchema = z.object({ id: z.string().min(1).max(100), label: z.string().min(1).max(500) }).strict();
export type BallotOption = z.infer<typeof BallotOptionSchema>;

export const VotingRulesSchema = z
  .object({
    method: VotingMethodSchema,
    /** The options; none for yes_no_abstain (the answers are fixed). */
    options: z.array(BallotOptionSchema).max(100).default([]),
    /** majority_judgment only: the scale, best first (default: the six French grades). */
    grades: z.array(z.string().min(1).max(100)).min(2).max(20).optional(),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const ids = rules.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
    if (rules.method === 'yes_no_abstain' && rules.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'yes_no_abstain has no options' });
    if (rules.method !== 'yes_no_abstain' && rules.options.length < (rules.method === 'majority_judgment' ? 1 : 2)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'too few options for this method' });
    if (rules.grades !== undefined && rules.method !== 'majority_judgment') ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grades are for majority_judgment only' });
    if (rules.grades !== undefined && new Set(rules.grades).size !== rules.grades.length) ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grade labels must be unique' });
  });
export type VotingRules = z.input<typeof VotingRulesSchema>;

/** The scale of the rules, best first. */
export function gradesOf(rules: Pick<VotingRules, 'grades'>): string[] {
  return [...(rules.grades ?? DEFAULT_MAJORITY_JUDGMENT_GRADES)];
}

export const YesNoAbstainChoicesSchema = z.object({ answer: z.enum(['yes', 'no', 'abstain']) }).strict();
export const SingleChoiceChoicesSchema = z.object({ option: z.string() }).strict();
export const ApprovalChoicesSchema = z.object({ options: z.array(z.string()) }).strict();
export const MajorityJudgmentChoicesSchema = z.object({ grades: z.record(z.string(), z.int()) }).strict();

export type YesNoAbstainChoices = z.infer<typeof YesNoAbstainChoicesSchema>;
export type SingleChoiceChoices = z.infer<typeof SingleChoiceChoicesSchema>;
export type ApprovalChoices = z.infer<typeof ApprovalChoicesSchema>;
export type MajorityJudgmentChoices = z.infer<typeof MajorityJudgmentChoicesSchema>;
export type BallotChoices = YesNoAbstainChoices | SingleChoiceChoices | ApprovalChoices | MajorityJudgmentChoices;

/**
 * The zod schema of a ballot's choices under `rules`: the method's shape, and
 * only the rules' options (single choice: one; approval: each at most once,
 * possibly none; majority judgment: every option graded 0 … N−1, best first).
 */
export function ballotChoicesSchema(rules: VotingRules): z.ZodType<BallotChoices> {
  const ids = new Set((rules.options ?? []).map((o) => o.id));
  switch (rules.method) {
    case 'yes_no_abstain':
      return YesNoAbstainChoicesSchema;
    case 'single_choice':
      return SingleChoiceChoicesSchema.refine((c) => ids.has(c.option), { message: 'unknown option', path: ['option'] });
    case 'approval':
      return ApprovalChoicesSchema.superRefine((c, ctx) => {
        if (c.options.some((id) => !ids.has(id))) ctx.addIssue({ code: 'custom', path: ['options'], message: 'unknown option' });
        if (new Set(c.options).size !== c.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'an option is approved twice' });
      });
    case 'majority_judgment': {
      const count = gradesOf(rules).length;
      return MajorityJudgmentChoicesSchema.superRefine((c, ctx) => {
        const graded = Object.keys(c.grades);
        if (graded.some((id) => !ids.has(id))) ctx.addIssue({ code: 'custom', path: ['grades'], message: 'unknown option' });
        if ([...ids].some((id) => !(id in c.grades))) ctx.addIssue({ code: 'custom', path: ['grades'], message: 'every option must be graded' });
        if (Object.values(c.grades).some((g) => g < 0 || g >= count)) ctx.addIssue({ code: 'custom', path: ['grades'], message: `grades go from 0 (best) to ${count - 1}` });
      });
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKey = (value: Record<string, unknown>, key: string) => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
};

/**
 * The same check as `ballotChoicesSchema(rules)`, hand-written for the tally
 * of a million ballots (no zod per ballot): the problem in a few words, or null
 * when the choices are valid.
 */
export function ballotChoicesChecker(rules: VotingRules): (choices: unknown) => string | null {
  const ids = (rules.options ?? []).map((o) => o.id);
  const known = new Set(ids);
  switch (rules.method) {
    case 'yes_no_abstain':
      return (c) => (isRecord(c) && onlyKey(c, 'answer') && (c.answer === 'yes' || c.answer === 'no' || c.answer === 'abstain') ? null : 'expected { "answer": "yes" | "no" | "abstain" }');
    case 'single_choice':
      return (c) => {
        if (!isRecord(c) || !onlyKey(c, 'option') || typeof c.option !== 'string') return 'expected { "option": "<option id>" }';
        return known.has(c.option) ? null : 'unknown option';
      };
    case 'approval':
      return (c) => {
        if (!isRecord(c) || !onlyKey(c, 'options') || !Array.isArray(c.options) || c.options.some((o) => typeof o !== 'string')) return 'expected { "options": ["<option id>", …] }';
        if (c.options.some((o) => !known.has(o as string))) return 'unknown option';
        return new Set(c.options).size === c.options.length ? null : 'an option is approved twice';
      };
    case 'majority_judgment': {
      const size = gradesOf(rules).length;
      return (c) => {
        if (!isRecord(c) || !onlyKey(c, 'grades') || !isRecord(c.grades)) return 'expected { "grades": { "<option id>": <grade> } }';
        const grades = c.grades;
        const graded = Object.keys(grades);
        if (graded.some((id) => !Number.isSafeInteger(grades[id]))) return 'expected { "grades": { "<option id>": <grade> } }';
        if (graded.some((id) => !known.has(id))) return 'unknown option';
        if (graded.length !== ids.length) return 'every option must be graded';
        return graded.every((id) => (grades[id] as number) >= 0 && (grades[id] as number) < size) ? null : `grades go from 0 (best) to ${size - 1}`;
      };
    }
  }
}

const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The count record of paper ballots at one polling station (two officers, time, place). */
const PaperCountRecord = {
  station: z.string().min(1).max(200),
  place: z.string().min(1).max(500),
  countedAt: z.iso.datetime({ offset: true }),
  officers: z.array(z.string().min(1).max(200)).min(2).max(10),
  /**
   * Since format 2 of the ballot list: paper ballots found in the box, the blank
   * or spoilt ones among them, and the people recorded as having voted at this
   * station (participations, channel « station ») — so that anyone can check the
   * counts against them. Absent from format-1 lists.
   */
  ballots: count.optional(),
  blankOrInvalid: count.optional(),
  recordedVoters: count.optional(),
};

export const PaperTotalsSchema = z.discriminatedUnion('method', [
  z.object({ ...PaperCountRecord, method: z.literal('yes_no_abstain'), counts: z.object({ yes: count, no: count, abstain: count }).strict() }).strict(),
  z.object({ ...PaperCountRecord, method: z.literal('single_choice'), counts: z.object({ options: z.record(z.string(), count), blank: count }).strict() }).strict(),
  /** `ballots`: paper ballots in the box (an approval ballot may approve several options, or none). */
  z.object({ ...PaperCountRecord, method: z.literal('approval'), counts: z.object({ options: z.record(z.string(), count), ballots: count }).strict() }).strict(),
  /** Per option, the number of ballots per grade (best first). */
  z.object({ ...PaperCountRecord, method: z.literal('majority_judgment'), counts: z.object({ options: z.record(z.string(), z.array(count)) }).strict() }).strict(),
]);
export type PaperTotals = z.infer<typeof PaperTotalsSchema>;

/** One inconsistency of a station's count, in English (the ballot list's checks) and in French (the API's 422). */
export interface PaperCountInconsistency {
  /** The input field it concerns (`ballots`, `counts.answers`, `counts.grades.<id>`…). */
  path: string;
  en: string;
  fr: string;
}

/**
 * The counts of a station checked against its box (issue 18, review C1): the
 * totals of the options add up to the valid ballots (`ballots − blankOrInvalid`;
 * for majority judgment, every option's grades; for approval, no option above
 * it), and the box holds no more ballots than people recorded as having voted
 * at that station. Only for records carrying `ballots` (format 2 and the API).
 */
export function paperCountInconsistencies(rules: VotingRules, totals: PaperTotals): PaperCountInconsistency[] {
  const { ballots, blankOrInvalid, recordedVoters } = totals;
  if (ballots === undefined) return [];
  const problems: PaperCountInconsistency[] = [];
  const where = `paper totals of ${totals.station}`;
  const blank = blankOrInvalid ?? 0;
  const valid = ballots - blank;
  if (valid < 0) return [{ path: 'blankOrInvalid', en: `${where}: more blank or spoilt ballots (${blank}) than ballots (${ballots})`, fr: `Plus de bulletins blancs ou nuls (${blank}) que de bulletins dans l’urne (${ballots}).` }];
  if (recordedVoters !== undefined && ballots > recordedVoters) {
    problems.push({
      path: 'ballots',
      en: `${where}: ${ballots} ballots in the box but ${recordedVoters} voters recorded at this station`,
      fr: `${ballots} bulletins dans l’urne, mais ${recordedVoters} votant${recordedVoters > 1 ? 's' : ''} enregistré${recordedVoters > 1 ? 's' : ''} dans ce bureau : une urne ne contient pas plus de bulletins que de votants émargés.`,
    });
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const mismatch = (path: string, what: string, quoi: string, total: number) =>
    problems.push({
      path,
      en: `${where}: ${what} add up to ${total}, not to the ${valid} valid ballots (${ballots} − ${blank} blank or spoilt)`,
      fr: `${quoi} font ${total}, et non ${valid} (${ballots} bulletins − ${blank} blancs ou nuls).`,
    });
  switch (totals.method) {
    case 'yes_no_abstain': {
      const total = totals.counts.yes + totals.counts.no + totals.counts.abstain;
      if (total !== valid) mismatch('counts.answers', 'yes, no and abstain', 'Oui, non et abstention', total);
      break;
    }
    case 'single_choice': {
      const total = sum(Object.values(totals.counts.options));
      if (total !== valid) mismatch('counts.options', 'the options’ votes', 'Les voix des options', total);
      if (totals.counts.blank !== blank) problems.push({ path: 'blankOrInvalid', en: `${where}: ${totals.counts.blank} blank ballots counted, ${blank} declared`, fr: `${totals.counts.blank} bulletins blancs comptés, ${blank} déclarés.` });
      break;
    }
    case 'approval':
      if (totals.counts.ballots !== valid) mismatch('counts.options', 'the approval ballots', 'Les bulletins d’approbation', totals.counts.ballots);
      for (const [id, approvals] of Object.entries(totals.counts.options)) {
        if (approvals > valid) problems.push({ path: `counts.options.${id}`, en: `${where}: option ${id} approved on ${approvals} ballots, more than the ${valid} valid ones`, fr: `L’option « ${id} » est approuvée sur ${approvals} bulletins, plus que les ${valid} bulletins valables.` });
      }
      break;
    case 'majority_judgment':
      for (const [id, profile] of Object.entries(totals.counts.options)) {
        const total = sum(profile);
        if (total !== valid) mismatch(`counts.grades.${id}`, `the grades of option ${id}`, `Les mentions de l’option « ${id} »`, total);
      }
      break;
  }
  return problems;
}

/** Checks paper totals against the rules (method, options, scale, consistent counts); returns the problems, empty when fine. */
export function paperTotalsProblems(rules: VotingRules, totals: PaperTotals): string[] {
  const problems: string[] = [];
  const ids = (rules.options ?? []).map((o) => o.id);
  const where = `paper totals of ${totals.station}`;
  if (totals.method !== rules.method) return [`${where}: method ${totals.method}, the rules say ${rules.method}`];
  const sameOptions = (keys: string[]) => keys.length === ids.length && ids.every((id) => keys.includes(id));
  switch (totals.method) {
    case 'yes_no_abstain':
      break;
    case 'single_choice':
      if (!sameOptions(Object.keys(totals.counts.options))) problems.push(`${where}: one count per option is needed`);
      break;
    case 'approval':
      if (!sameOptions(Object.keys(totals.counts.options))) problems.push(`${where}: one count per option is needed`);
      if (Object.values(totals.counts.options).some((c) => c > totals.counts.ballots)) problems.push(`${where}: an option is approved on more ballots than the box holds`);
      break;
    case 'majority_judgment': {
      const grades = gradesOf(rules).length;
      if (!sameOptions(Object.keys(totals.counts.options))) problems.push(`${where}: one profile per option is needed`);
      const sums = Object.values(totals.counts.options).map((profile) => {
        if (profile.length !== grades) problems.push(`${where}: ${grades} counts per option are needed`);
        return profile.reduce((a, b) => a + b, 0);
      });
      if (new Set(sums).size > 1) problems.push(`${where}: every option must be graded on every paper ballot`);
      break;
    }
  }
  if (problems.length === 0) problems.push(...paperCountInconsistencies(rules, totals).map((p) => p.en));
  return problems;
}

/**
 * Stations that recorded fewer than `threshold` voters are published only
 * merged (review M3: a station of two voters would show their choices): their
 * records are added to the largest station's, or — with no large station —
 * to one another. Counts, ballots and recorded voters add up, so every check
 * of the list still holds. Records without `recordedVoters` (format 1) stay as
 * they are.
 */
export function mergeSmallStations(totals: readonly PaperTotals[], threshold: number): PaperTotals[] {
  const voters = (t: PaperTotals) => t.recordedVoters ?? Number.POSITIVE_INFINITY;
  const small = totals.filter((t) => voters(t) < threshold);
  if (small.length === 0) return [...totals];
  const large = totals.filter((t) => voters(t) >= threshold);
  const host = [...large].sort((a, b) => voters(b) - voters(a))[0];
  const group = host ? [host, ...small] : small;
  const merged = group.reduce((a, b) => addTotals(a, b));
  return [...large.filter((t) => t !== host), merged];
}

const sumRecord = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k]! + (b[k] ?? 0)]));

function addTotals(a: PaperTotals, b: PaperTotals): PaperTotals {
  const record = {
    station: `${a.station} + ${b.station}`.slice(0, 200),
    place: `${a.place} ; ${b.place}`.slice(0, 500),
    countedAt: a.countedAt > b.countedAt ? a.countedAt : b.countedAt,
    officers: [...new Set([...a.officers, ...b.officers])].slice(0, 10),
    ballots: (a.ballots ?? 0) + (b.ballots ?? 0),
    blankOrInvalid: (a.blankOrInvalid ?? 0) + (b.blankOrInvalid ?? 0),
    recordedVoters: (a.recordedVoters ?? 0) + (b.recordedVoters ?? 0),
  };
  if (a.method === 'yes_no_abstain' && b.method === 'yes_no_abstain') return { ...record, method: a.method, counts: { yes: a.counts.yes + b.counts.yes, no: a.counts.no + b.counts.no, abstain: a.counts.abstain + b.counts.abstain } };
  if (a.method === 'single_choice' && b.method === 'single_choice') return { ...record, method: a.method, counts: { options: sumRecord(a.counts.options, b.counts.options), blank: a.counts.blank + b.counts.blank } };
  if (a.method === 'approval' && b.method === 'approval') return { ...record, method: a.method, counts: { options: sumRecord(a.counts.options, b.counts.options), ballots: a.counts.ballots + b.counts.ballots } };
  if (a.method === 'majority_judgment' && b.method === 'majority_judgment') {
    return { ...record, method: a.method, counts: { options: Object.fromEntries(Object.keys(a.counts.options).map((k) => [k, a.counts.options[k]!.map((n, g) => n + (b.counts.options[k]?.[g] ?? 0))])) } };
  }
  throw new RangeError('paper totals of different methods cannot be merged');
}
