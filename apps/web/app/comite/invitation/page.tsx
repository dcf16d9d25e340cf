import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Announcement } from '@/components/ui/Announcement';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { InvitationAnswer } from '@/features/advisory-panel/components/InvitationAnswer';
import styles from '@/features/advisory-panel/components/advisory-panel.module.css';
import { panelLabels } from '@/features/advisory-panel/labels';
import { fetchInvitation } from '@/features/advisory-panel/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

type Props = { searchParams: Promise<{ jeton?: string; reponse?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelInvitation'))('metaTitle'), robots: { index: false } };
}

/**
 * Where a drawn volunteer's invitation e-mail leads: the seat offered and its
 * term, and the choice to accept or decline it. No account: the link's token
 * is the proof, and the page is never indexed.
 */
export default async function InvitationPage({ searchParams }: Props) {
  const { jeton, reponse } = await searchParams;
  const token = typeof jeton === 'string' ? jeton : '';
  const [t, labels, dates] = [await getTranslations('AdvisoryPanelInvitation'), await panelLabels(), await getDateWords()];
  const invitation = await fetchInvitation(token);

  if (!invitation) {
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('invalidTitle')} headingLevel={2}>
          <p>{t('invalidText')}</p>
          <p>
            <Link href="/comite">{t('toPanel')}</Link>
          </p>
        </EmptyState>
      </>
    );
  }

  const answered = reponse === 'accept' || reponse === 'decline';
  return (
    <>
      {answered && invitation.state !== 'invited' ? (
        <Announcement>
          <p>{invitation.state === 'active' ? t('accepted') : t('declined')}</p>
        </Announcement>
      ) : null}
      <PageHeader title={t('title')} lead={invitation.state === 'invited' ? t('lead') : undefined} />
      <section className="section" aria-labelledby="siege">
        <h2 id="siege">{t('seatTitle')}</h2>
        <dl className={styles.facts}>
          <div>
            <dt>{t('name')}</dt>
            <dd>
              <Content>{invitation.displayName}</Content>
            </dd>
          </div>
          <div>
            <dt>{t('seat')}</dt>
            <dd>{labels.seatType(invitation.seatType)}</dd>
          </div>
          <div>
            <dt>{t('term')}</dt>
            <dd>{t('termDates', { start: dates.day(invitation.termStart), end: dates.day(invitation.termEnd) })}</dd>
          </div>
          {invitation.draw ? (
            <div>
              <dt>{t('draw')}</dt>
              <dd>
                <Link href={`/comite/tirages/${invitation.draw}`}>{invitation.draw}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {invitation.state === 'invited' ? (
        <section className="section" aria-labelledby="repondre">
          <h2 id="repondre">{t('answerTitle')}</h2>
          <InvitationAnswer token={token} />
          <p className="hint">{t('privacy')}</p>
        </section>
      ) : answered ? null : (
        <p>{t('closed', { state: labels.memberState(invitation.state) })}</p>
      )}
      <p>
        <Link href="/comite">{t('toPanel')}</Link>
      </p>
    </>
  );
}
