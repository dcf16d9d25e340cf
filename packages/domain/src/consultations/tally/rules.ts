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
  return problems;
}
