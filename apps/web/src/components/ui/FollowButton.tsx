'use client';

import { useActionState } from 'react';

import { initialFormState, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import styles from './FollowButton.module.css';

type Props = {
  action: FormAction;
  reference: string;
  following: boolean;
  labels: { follow: string; unfollow: string };
};

/**
 * Follow / stop following something (a register record, an opinion…: the
 * action decides what `reference` names), as a form posting to a server action (works without
 * JavaScript). The button keeps focus while the answer comes (isPending),
 * then its label flips; the result is announced in a status region.
 */
export function FollowButton({ action, reference, following, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={styles.form}>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      <Button type="submit" variant={following ? 'secondary' : 'primary'} isPending={pending}>
        {following ? labels.unfollow : labels.follow}
      </Button>
      {/* Always present, so that assistive technologies announce what appears in it. */}
      <p role="status" className={styles.status}>
        {state.status === 'success' ? state.message : null}
      </p>
      {state.status === 'error' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
