'use client';

import type { FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import { FormFrame, TextArea, useModerationForm } from './form-parts';
import styles from './moderation.module.css';

type Props = {
  action: FormAction;
  /** Values the action needs that the person does not edit. */
  hidden: Record<string, string>;
  /** The text's name (`reason`, `explanation`) and label. */
  field: { name: string; label: string; hint: string };
  /** One submit button per outcome: `intent` is sent with the form. */
  buttons: { intent: string; label: string; variant?: 'primary' | 'secondary' }[];
  describedBy?: string;
  errorSummary: string;
};

/** A decision with its reason (an appeal's outcome), or an appeal with its explanation: a plain form posting to a server action. */
export function ReasonButtonsForm({ action, hidden, field, buttons, describedBy, errorSummary }: Props) {
  const { state, formAction, pending, prefix } = useModerationForm(action);
  return (
    <form action={formAction} noValidate className={styles.decision}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFrame state={state} prefix={prefix} labels={{ [field.name]: field.label }} errorSummaryLabel={errorSummary}>
        <TextArea name={field.name} label={field.label} hint={field.hint} rows={3} />
      </FormFrame>
      <div className={styles.buttons}>
        {buttons.map((button) => (
          <Button key={button.intent} type="submit" name="intent" value={button.intent} variant={button.variant ?? 'primary'} isDisabled={pending} aria-describedby={describedBy}>
            {button.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
