import { MAJORITY_JUDGMENT_GRADES, YES_NO_ANSWERS, type ConsultationMethod } from '@sesame/domain/client';

/**
 * A ballot's choices as the form sends them, and back: `answer` (yes / no /
 * abstain), `option` (single choice), `options` (approval, one box each),
 * `grade-<option>` (majority judgment, one radio group per option). Pure, so
 * the summary, the receipt and the tests share one reading.
 */
export type Choices = { answer: string } | { option: string } | { options: string[] } | { grades: Record<string, number> };

export interface BallotRules {
  method: ConsultationMethod;
  options: { id: string; label: string }[];
  maxApprovals: number | null;
}

export type ChoiceProblem = { field: string; key: 'answerMissing' | 'optionMissing' | 'tooManyApprovals' | 'gradeMissing'; option?: string; max?: number };

type Form = Pick<FormData, 'get' | 'getAll'>;
const one = (form: Form, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export const gradeField = (optionId: string) => `grade-${optionId}`;

/** The choices the form holds, or every problem with them (each by its input). */
export function choicesFromForm(form: Form, rules: BallotRules): { choices: Choices } | { problems: ChoiceProblem[] } {
  switch (rules.method) {
    case 'yes_no_abstain': {
      const answer = one(form, 'answer');
      return (YES_NO_ANSWERS as readonly string[]).includes(answer) ? { choices: { answer } } : { problems: [{ field: 'answer', key: 'answerMissing' }] };
    }
    case 'single_choice': {
      const option = one(form, 'option');
      return rules.options.some((o) => o.id === option) ? { choices: { option } } : { problems: [{ field: 'option', key: 'optionMissing' }] };
    }
    case 'approval': {
      const chosen = form.getAll('options').filter((v): v is string => typeof v === 'string');
      const options = rules.options.map((o) => o.id).filter((id) => chosen.includes(id));
      if (rules.maxApprovals !== null && options.length > rules.maxApprovals) return { problems: [{ field: 'options', key: 'tooManyApprovals', max: rules.maxApprovals }] };
      // Approving none is a valid ballot (a blank one).
      return { choices: { options } };
    }
    case 'majority_judgment': {
      const grades: Record<string, number> = {};
      const problems: ChoiceProblem[] = [];
      for (const option of rules.options) {
        const raw = one(form, gradeField(option.id));
        const grade = /^\d$/.test(raw) ? Number(raw) : -1;
        if (grade < 0 || grade >= MAJORITY_JUDGMENT_GRADES.length) problems.push({ field: gradeField(option.id), key: 'gradeMissing', option: option.label });
        else grades[option.id] = grade;
      }
      return problems.length > 0 ? { problems } : { choices: { grades } };
    }
  }
}

/** The choices as hidden inputs (the summary carries them to the confirmation). */
export function choicesAsFields(choices: Choices): [string, string][] {
  if ('answer' in choices) return [['answer', choices.answer]];
  if ('option' in choices) return [['option', choices.option]];
  if ('options' in choices) return choices.options.map((id) => ['options', id]);
  return Object.entries(choices.grades).map(([id, grade]) => [gradeField(id), String(grade)]);
}

/** The choices line by line, in words: [what, choice]. `answers` and `grades` are the reader's words. */
export function describeChoices(choices: Choices, rules: BallotRules, words: { answers: Record<string, string>; grades: readonly string[]; none: string; approved: string }): [string, string][] {
  const label = (id: string) => rules.options.find((o) => o.id === id)?.label ?? id;
  if ('answer' in choices) return [['', words.answers[choices.answer] ?? choices.answer]];
  if ('option' in choices) return [['', label(choices.option)]];
  if ('options' in choices) return choices.options.length === 0 ? [['', words.none]] : choices.options.map((id) => [label(id), words.approved]);
  return rules.options.map((o) => [o.label, words.grades[choices.grades[o.id] ?? -1] ?? '—']);
}

/** The receipt as a plain text file to save (built in the page: nothing is kept on the server). */
export function receiptText(
  receipt: { consultation: string; receipt: string; changeKey: string; castOn: string },
  title: string,
  lines: [string, string][],
  words: { heading: string; code: string; key: string; keyWarning: string; choices: string; castOn: string; showNobody?: string },
  locale = 'fr',
): string {
  // French puts a no-break space before the colon; English none (review L3).
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  return [
    words.heading,
    title,
    `${receipt.consultation}`,
    '',
    `${words.code}${colon} ${receipt.receipt}`,
    `${words.key}${colon} ${receipt.changeKey}`,
    words.keyWarning,
    ...(words.showNobody ? [words.showNobody] : []),
    '',
    `${words.choices}${colon}`,
    ...lines.map(([what, choice]) => (what ? `- ${what}${colon} ${choice}` : `- ${choice}`)),
    '',
    `${words.castOn}${colon} ${receiptDate(receipt.castOn, locale)}`,
    '',
  ].join('\n');
}

/** A day (YYYY-MM-DD) as people write it: « 5 décembre 2026 », « 5 December 2026 » (review L3). */
export function receiptDate(day: string, locale = 'fr'): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A refusal of the ballot routes, by what went wrong (the catalogue's `Consultation.ballot.refused.*`). */
export type BallotRefusal = 'alreadyVoted' | 'keyMismatch' | 'voteClosed' | 'notEligible';

/**
 * Which refusal a ballot problem is, from its status and the form's mode —
 * so that the English page words it from its own catalogue rather than by
 * status alone (review M15: a 409 read « someone made a change »):
 * casting, 409 is a second ballot; changing, 403 is a receipt and key that do
 * not go together; 422 is a vote not (or no longer) open.
 */
export function ballotRefusal(status: number, mode: 'cast' | 'change'): BallotRefusal | undefined {
  if (status === 409 && mode === 'cast') return 'alreadyVoted';
  if (status === 403) return mode === 'change' ? 'keyMismatch' : 'notEligible';
  if (status === 422) return 'voteClosed';
  return undefined;
}
