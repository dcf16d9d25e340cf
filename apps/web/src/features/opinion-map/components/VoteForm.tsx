'use client';

import { useActionState, useEffect, useRef } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { initialFormState, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import styles from './opinion-map.module.css';

type Props = {
  /** The server action that records the vote (voteOnStatement). */
  action: FormAction;
  spaceId: string;
  reference: string;
  statementId: string;
  /** The id of the statement's text: each button is described by it (which statement the vote is about). */
  describedBy: string;
  /** The person's vote on it, if any: its button says so. */
  current: 'agree' | 'disagree' | 'pass' | null;
  /** `list`: the vote was changed in the list (the page comes back to it). */
  from?: 'next' | 'list';
  texts: { agree: string; disagree: string; pass: string; current: string; legend: string };
};

const VOTES = ['agree', 'disagree', 'pass'] as const;

/**
 * Three buttons: d’accord, pas d’accord, je passe. A plain form posting to a
 * server action (works without JavaScript): the page comes back with the next
 * statement; a refusal shows above the buttons and takes the focus.
 */
export function VoteForm({ action, spaceId, reference, statementId, describedBy, current, from = 'next', texts }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className={styles.voteForm}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="statementId" value={statementId} />
      <input type="hidden" name="from" value={from} />
      {state.status === 'error' ? <ErrorSummary ref={summary} title={state.message} errors={[]} /> : null}
      <fieldset className={styles.voteButtons} aria-describedby={describedBy}>
        <legend className="visually-hidden">{texts.legend}</legend>
        {VOTES.map((vote) => (
          <Button key={vote} type="submit" name="vote" value={vote} variant={vote === 'pass' || (current !== null && current !== vote) ? 'secondary' : 'primary'} isDisabled={pending}>
            {texts[vote]}
            {current === vote ? <span className={styles.currentVote}> {texts.current}</span> : null}
          </Button>
        ))}
      </fieldset>
    </form>
  );
}
