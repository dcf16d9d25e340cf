'use client';

import { useActionState, useEffect, useRef } from 'react';

import { initialFormState } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import type { PanelState } from '../state';
import styles from './proposals.module.css';

type Props = {
  action: (previous: PanelState, formData: FormData) => Promise<PanelState>;
  reference: string;
  /** What the button does; null when there is nothing to do now (the answer stays announced). */
  intent: string | null;
  buttonLabel?: string;
  variant?: 'primary' | 'secondary';
  /** Shown with a refusal that asks the person to get verified first. */
  verifyLink?: { href: string; label: string };
};

/**
 * A one-button form (support, follow) posting to a server action: works
 * without JavaScript. The page is re-rendered with the new state; the answer
 * is announced in a status region that stays in place even when the button
 * goes (the proposal just qualified): focus then moves to the answer.
 */
export function PanelForm({ action, reference, intent, buttonLabel, variant = 'primary', verifyLink }: Props) {
  const [state, formAction, pending] = useActionState<PanelState, FormData>(action, initialFormState);
  const status = useRef<HTMLParagraphElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') alert.current?.focus();
    else if (state.status === 'success' && intent === null) status.current?.focus();
  }, [state, intent]);
  return (
    <div>
      {intent ? (
        <form action={formAction} className={styles.panelForm}>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="intent" value={intent} />
          <Button type="submit" variant={variant} isPending={pending}>
            {buttonLabel}
          </Button>
        </form>
      ) : null}
      {/* Always present, so that assistive technologies announce what appears in it. */}
      <p ref={status} role="status" tabIndex={-1} className={styles.status}>
        {state.status === 'success' ? state.message : null}
      </p>
      {state.status === 'error' ? (
        <div ref={alert} role="alert" tabIndex={-1} className="notice notice--error">
          <p>{state.message}</p>
          {state.verify && verifyLink ? (
            <p>
              <a href={verifyLink.href}>{verifyLink.label}</a>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
