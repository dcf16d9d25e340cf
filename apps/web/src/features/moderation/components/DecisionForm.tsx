'use client';

import type { FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import { FormFrame, Radios, Select, TextArea, TextInput, useModerationForm } from './form-parts';
import styles from './moderation.module.css';

export type DecisionWords = {
  legend: string;
  hint: string;
  decisions: { value: string; label: string }[];
  ground: string;
  groundHint: string;
  groundNone: string;
  law: string;
  lawHint: string;
  facts: string;
  factsHint: string;
  body: string;
  bodyHint: string;
  days: string;
  daysHint: string;
  submit: string;
  errorSummary: string;
};

type Props = {
  /** decideContribution (features/moderation/actions.ts), passed by the page. */
  action: FormAction;
  spaceId: string;
  contributionId: string;
  /** The space's policy: a decision's ground. */
  reasons: { value: string; label: string }[];
  /** The contribution's text, to edit personal data out of. */
  currentBody: string;
  words: DecisionWords;
  /** Id of the heading naming the contribution. */
  describedBy: string;
};

/**
 * A moderator's decision on one contribution: the decision, its ground (a
 * reason of the policy, or the law for illegal content), the facts, and what
 * some decisions need (the new text, the days of suspension). Every input is
 * shown, so it works without JavaScript; the API refuses a decision without
 * its ground or facts and the summary says which input to fill.
 */
export function DecisionForm({ action, spaceId, contributionId, reasons, currentBody, words, describedBy }: Props) {
  const { state, formAction, pending, prefix } = useModerationForm(action);
  const labels = { decision: words.legend, code: words.ground, law: words.law, facts: words.facts, body: words.body, days: words.days };
  return (
    <form action={formAction} noValidate className={styles.decision}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <FormFrame state={state} prefix={prefix} labels={labels} errorSummaryLabel={words.errorSummary}>
        <Radios name="decision" legend={words.legend} hint={words.hint} options={words.decisions} />
        <Select name="code" label={words.ground} hint={words.groundHint} options={[{ value: '', label: words.groundNone }, ...reasons]} />
        <TextInput name="law" label={words.law} hint={words.lawHint} />
        <TextArea name="facts" label={words.facts} hint={words.factsHint} rows={3} />
        <details className={styles.more} open={state.fieldErrors?.body ? true : undefined}>
          <summary>{words.body}</summary>
          <TextArea name="body" label={words.body} hint={words.bodyHint} defaultValue={currentBody} rows={5} lang="fr" />
        </details>
        <TextInput name="days" label={words.days} hint={words.daysHint} type="number" inputMode="numeric" min={1} max={365} defaultValue={7} />
      </FormFrame>
      <div>
        <Button type="submit" isDisabled={pending} aria-describedby={describedBy}>
          {words.submit}
        </Button>
      </div>
    </form>
  );
}
