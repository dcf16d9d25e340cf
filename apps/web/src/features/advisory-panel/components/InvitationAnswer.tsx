import { getTranslations } from 'next-intl/server';

import { ActionForm, Hidden } from '@/components/forms/ActionForm';

import { answerInvitation } from '../actions';
import styles from './advisory-panel.module.css';

/** Two plain buttons, each its own form: accepting is the first and main one; declining says what happens to the seat. */
export async function InvitationAnswer({ token }: { token: string }) {
  const [t, form] = [await getTranslations('AdvisoryPanelInvitation'), await getTranslations('Form')];
  return (
    <div className={styles.invitationAnswers}>
      <ActionForm action={answerInvitation} submitLabel={t('accept')} errorSummaryLabel={form('errorSummary')}>
        <Hidden name="token" value={token} />
        <Hidden name="answer" value="accept" />
      </ActionForm>
      <ActionForm action={answerInvitation} submitLabel={t('decline')} errorSummaryLabel={form('errorSummary')} variant="secondary">
        <Hidden name="token" value={token} />
        <Hidden name="answer" value="decline" />
        <p className="hint">{t('declineHint')}</p>
      </ActionForm>
    </div>
  );
}
