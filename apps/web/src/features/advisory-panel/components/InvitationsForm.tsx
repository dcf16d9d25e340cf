'use client';

import { ActionForm, Field, Hidden } from '@/components/forms/ActionForm';
import type { FormState } from '@/components/forms/form-state';

import type { InvitationsState } from '../state';
import styles from './advisory-panel.module.css';

type Props = {
  action: (previous: InvitationsState, formData: FormData) => Promise<InvitationsState>;
  reference: string;
  /** The site's address, for the letters' links. */
  origin: string;
  texts: { count: string; countHint: string; submit: string; errorSummary: string; codesTitle: string; codesHint: string; linkTitle: string };
};

/**
 * Invitation letters: how many to print; the codes come back once, each with
 * the address that opens the answer form with its code filled in. Only their
 * hashes are kept: print or copy them now.
 */
export function InvitationsForm({ action, reference, origin, texts }: Props) {
  const details = (state: FormState) => {
    const { codes, call } = state as InvitationsState;
    if (!codes || codes.length === 0 || !call) return null;
    return (
      <>
        <p>{texts.codesHint}</p>
        <p>
          <strong>{texts.codesTitle}</strong>
        </p>
        <ol className={styles.codes}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <p>
          <strong>{texts.linkTitle}</strong>
        </p>
        <p className={styles.mono}>{`${origin}/comite/appels/${call}?code=${codes[0]}`}</p>
      </>
    );
  };
  return (
    <ActionForm action={action} submitLabel={texts.submit} errorSummaryLabel={texts.errorSummary} labels={{ count: texts.count }} details={details} variant="secondary">
      <Hidden name="reference" value={reference} />
      <Field name="count" type="number" inputMode="numeric" min={1} max={5000} label={texts.count} hint={texts.countHint} defaultValue={10} required />
    </ActionForm>
  );
}
