'use client';

import type { FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';
import { FormFrame, Select, TextArea, useModerationForm } from '@/features/moderation/components/form-parts';
import moderation from '@/features/moderation/components/moderation.module.css';

type Intent = 'approve' | 'meta' | 'not_meta' | 'reject';

type Props = {
  /** The server action that records the decision (decideStatement). */
  action: FormAction;
  spaceId: string;
  statementId: string;
  /** The statement's heading: each button is described by it. */
  describedBy: string;
  /** The space's moderation policy: the reasons a refusal may give. */
  reasons: { value: string; label: string }[];
  /** The decisions offered, first the main one. */
  buttons: { intent: Intent; label: string }[];
  /** More hidden fields (the statements page's own form says where to come back). */
  hidden?: Record<string, string>;
  words: { reason: string; reasonHint: string; reasonNone: string; facts: string; errorSummary: string };
};

/**
 * A moderator's decision on a statement, works without JavaScript: on a pending
 * one publish it, publish it as meta, or refuse it with a reason; on a
 * published one mark it meta (or not), or withdraw it with a reason.
 */
export function StatementDecisionForm({ action, spaceId, statementId, describedBy, reasons, buttons, hidden = {}, words }: Props) {
  const { state, formAction, pending, prefix } = useModerationForm(action);
  return (
    <form action={formAction} noValidate className={moderation.decision}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="statementId" value={statementId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFrame state={state} prefix={prefix} labels={{ reasonCode: words.reason, facts: words.facts }} errorSummaryLabel={words.errorSummary}>
        <Select name="reasonCode" label={words.reason} hint={words.reasonHint} options={[{ value: '', label: words.reasonNone }, ...reasons]} />
        <TextArea name="facts" label={words.facts} rows={2} />
      </FormFrame>
      <div className={moderation.buttons}>
        {buttons.map((button, index) => (
          <Button key={button.intent} type="submit" name="intent" value={button.intent} variant={index === 0 ? 'primary' : 'secondary'} isDisabled={pending} aria-describedby={describedBy}>
            {button.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
