import type { ProposalSummary } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { ApiProblem } from '@/lib/api/problem';
import { requirePerson } from '@/features/identity/session';
import styles from '@/features/proposals/components/proposals.module.css';
import { StateBadge } from '@/features/proposals/components/StateBadge';
import { fetchMyProposals } from '@/features/proposals/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { TableScroll } from '@/components/ui/TableScroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Proposals.mine'))('metaTitle') };
}

/** The person's proposals: drafts to continue, and those submitted, with their state and supports. */
export default async function MyProposalsPage() {
  const person = await requirePerson('/compte/propositions');
  const [t, labels, support, dates] = [await getTranslations('Proposals.mine'), await getTranslations('Proposals.labels'), await getTranslations('Proposals.support'), await getDateWords()];
  let mine: ProposalSummary[];
  try {
    mine = await fetchMyProposals(person);
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    console.error('[proposals] my proposals unavailable:', error);
    return (
      <>
        <PageHeader title={t('title')} lead={t('lead')} />
        <div role="alert">
          <EmptyState title={t('unavailable')} tone="alert" />
        </div>
      </>
    );
  }
  const drafts = mine.filter((p) => p.state === 'draft');
  const others = mine.filter((p) => p.state !== 'draft');
  const date = (iso: string | null) => {
    const value = iso ? new Date(iso) : null;
    return value && !Number.isNaN(value.getTime()) ? dates.date(value) : '—';
  };

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/propositions/nouvelle" variant="button">
            {t('new')}
          </Link>
        </p>
      </PageHeader>

      <section aria-labelledby="brouillons">
        <h2 id="brouillons">{t('draftsTitle')}</h2>
        {drafts.length === 0 ? (
          <p>{t('draftsEmpty')}</p>
        ) : (
          <ul className={styles.drafts}>
            {drafts.map((draft) => {
              const title = draft.title ? <Content>{draft.title}</Content> : labels('untitled');
              return (
                <li key={draft.reference}>
                  <h3>
                    <Link href={`/propositions/${draft.reference}/modifier`}>{title}</Link>
                  </h3>
                  <p className={styles.muted}>
                    {draft.reference} · <time dateTime={draft.updatedAt}>{t('draftUpdated', { date: date(draft.updatedAt) })}</time>
                  </p>
                  <ul className={styles.actions}>
                    <li>
                      <Link href={`/propositions/${draft.reference}/modifier`}>
                        {t('continue')}
                        <span className="visually-hidden"> : {title}</span>
                      </Link>
                    </li>
                    <li>
                      <Link href={`/propositions/${draft.reference}`}>
                        {t('preview')}
                        <span className="visually-hidden"> : {title}</span>
                      </Link>
                    </li>
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="deposees">
        <h2 id="deposees">{t('submittedTitle')}</h2>
        {others.length === 0 ? (
          <p>{t('submittedEmpty')}</p>
        ) : (
          <TableScroll captionId="mes-propositions-legende">
            <table className="data-table">
              <caption id="mes-propositions-legende">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('colState')}</th>
                  <th scope="col">{t('colSupports')}</th>
                  <th scope="col">{t('colDate')}</th>
                </tr>
              </thead>
              <tbody>
                {others.map((proposal) => (
                  <tr key={proposal.reference}>
                    <th scope="row">
                      <Link href={`/propositions/${proposal.reference}`}>{proposal.title ? <Content>{proposal.title}</Content> : labels('untitled')}</Link>
                      <br />
                      <span className={styles.muted}>{proposal.reference}</span>
                    </th>
                    <td>
                      <StateBadge state={proposal.state} />
                    </td>
                    <td>{proposal.threshold === null ? support('countOnly', { supports: proposal.supports }) : support('count', { supports: proposal.supports, threshold: proposal.threshold })}</td>
                    <td>{proposal.submittedAt ? <time dateTime={proposal.submittedAt}>{date(proposal.submittedAt)}</time> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
