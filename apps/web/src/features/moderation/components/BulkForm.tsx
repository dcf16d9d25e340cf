'use client';

import type { FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import { FormFrame, Select, TextArea, TextInput, useModerationForm } from './form-parts';
import styles from './moderation.module.css';

type Props = {
  /** decideMany (features/moderation/actions.ts), passed by the page. */
  action: FormAction;
  id: string;
  spaceId: string;
  reasons: { value: string; label: string }[];
  words: { title: string; hint: string; ground: string; groundHint: string; groundNone: string; law: string; lawHint: string; facts: string; factsHint: string; approve: string; reject: string; errorSummary: string };
};

/**
 * Bulk approve or reject: the boxes ticked in the queue's items belong to
 * this form (their `form` attribute names its id), so it works without
 * JavaScript. A rejection states its ground and facts like any decision.
 */
export function BulkForm({ action, id, spaceId, reasons, words }: Props) {
  const { state, formAction, pending, prefix } = useModerationForm(action);
  const labels = { code: words.ground, law: words.law, facts: words.facts };
  return (
    <form id={id} action={formAction} noValidate className={styles.decision} aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>{words.title}</h3>
      <p className="hint">{words.hint}</p>
      <input type="hidden" name="spaceId" value={spaceId} />
      <FormFrame state={state} prefix={prefix} labels={labels} errorSummaryLabel={words.errorSummary}>
        <Select name="code" label={words.ground} hint={words.groundHint} options={[{ value: '', label: words.groundNone }, ...reasons]} />
        <TextInput name="law" label={words.law} hint={words.lawHint} />
        <TextArea name="facts" label={words.facts} hint={words.factsHint} rows={2} />
      </FormFrame>
      <div className={styles.buttons}>
        <Button type="submit" name="intent" value="approve" isDisabled={pending}>
          {words.approve}
        </Button>
        <Button type="submit" name="intent" value="reject" variant="secondary" isDisabled={pending}>
          {words.reject}
        </Button>
      </div>
    </form>
  );
}
