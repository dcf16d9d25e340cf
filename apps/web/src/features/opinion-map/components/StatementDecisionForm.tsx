'use client';

import type { FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';
import { FormFrame, Select, TextArea, useModerationForm } from '@/features/moderation/components/form-parts';
import moderation from '@/features/moderation/components/moderation.module.css';

type Props = {
  /** The server action that records the decision (decideStatement). */
  action: FormAction;
  spaceId: string;
  statementId: string;
  /** The statement's heading: each button is described by it. */
  describedBy: string;
  /** The space's moderation policy: the reasons a refusal may give. */
  reasons: { value: string; label: string }[];
  words: { reason: string; reasonHint: string; reasonNone: string; facts: string; approve: string; meta: string; reject: string; errorSummary: string };
};

/** A moderator's decision on a pending statement: publish it, mark it meta, or refuse it with a reason (works without JavaScript). */
export function StatementDecisionForm({ action, spaceId, statementId, describedBy, reasons, words }: Props) {
  const { state, formAction, pending, prefix } = useModerationForm(action);
  return (
    <form action={formAction} noValidate className={moderation.decision}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="statementId" value={statementId} />
      <FormFrame state={state} prefix={prefix} labels={{ reasonCode: words.reason, facts: words.facts }} errorSummaryLabel={words.errorSummary}>
        <Select name="reasonCode" label={words.reason} hint={words.reasonHint} options={[{ value: '', label: words.reasonNone }, ...reasons]} />
        <TextArea name="facts" label={words.facts} rows={2} />
      </FormFrame>
      <div className={moderation.buttons}>
        <Button type="submit" name="intent" value="approve" isDisabled={pending} aria-describedby={describedBy}>
          {words.approve}
        </Button>
        <Button type="submit" name="intent" value="meta" variant="secondary" isDisabled={pending} aria-describedby={describedBy}>
          {words.meta}
        </Button>
        <Button type="submit" name="intent" value="reject" variant="secondary" isDisabled={pending} aria-describedby={describedBy}>
          {words.reject}
        </Button>
      </div>
    </form>
  );
}
