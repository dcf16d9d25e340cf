'use client';

import { useActionState } from 'react';

import { initialFormState, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import styles from './recommendations.module.css';

type Props = { action: FormAction; number: string; following: boolean; labels: { follow: string; unfollow: string } };

/** Follow / stop following an opinion; a plain form (works without JavaScript), the answer in a status region. */
export function FollowOpinionButton({ action, number, following, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={styles.inlineForms}>
      <input type="hidden" name="reference" value={number} />
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
