import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';
import { ReferralList } from '@/features/recommendations/components/ReferralList';
import { recommendationLabels } from '@/features/recommendations/labels';
import { OPINIONS_PATH, ORGANIZER_REFERRALS_PATH, WORKSPACE_PATH } from '@/features/recommendations/paths';
import { fetchWorkspace } from '@/features/recommendations/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Recommendations.workspace'))('metaTitle') };
}

/** The panel's workspace: my seat, the referrals under examination and those done; members and organizers only. */
export default async function WorkspacePage() {
  await requirePerson(WORKSPACE_PATH);
  const [t, labels, workspace] = await Promise.all([getTranslations('Recommendations.workspace'), recommendationLabels(), fetchWorkspace()]);
  if (!workspace) {
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('refusedTitle')}>
          <p>{t('refused')}</p>
          <p>
            <Link href={OPINIONS_PATH}>{t('opinions')}</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  const open = workspace.referrals.filter((referral) => referral.state === 'open');
  const done = workspace.referrals.filter((referral) => referral.state !== 'open');
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <section className="section" aria-labelledby="mon-siege">
        <h2 id="mon-siege">{t('seatTitle')}</h2>
        {workspace.seat ? (
          <p data-testid="my-seat">
            {t('seat', { name: workspace.seat.displayName, seatType: labels.seatType(workspace.seat.seatType) })}
            {workspace.seat.affiliation ? (
              <>
                {' '}
                (<span lang="fr">{workspace.seat.affiliation}</span>)
              </>
            ) : null}
          </p>
        ) : (
          <p>{t('noSeat')}</p>
        )}
        {workspace.viewer.can['recommendations.link-seat'].allowed ? (
          <p>
            <Link href={ORGANIZER_REFERRALS_PATH}>{t('organize')}</Link>
          </p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="saisines-ouvertes">
        <h2 id="saisines-ouvertes">{t('openTitle')}</h2>
        {open.length === 0 ? <p>{t('noOpen')}</p> : <ReferralList referrals={open} labels={labels} />}
      </section>
      {done.length > 0 ? (
        <section className="section" aria-labelledby="saisines-closes">
          <h2 id="saisines-closes">{t('doneTitle')}</h2>
          <ReferralList referrals={done} labels={labels} />
        </section>
      ) : null}
      <p>
        <Link href={OPINIONS_PATH}>{t('opinions')}</Link>
      </p>
    </>
  );
}
