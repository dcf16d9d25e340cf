import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import listing from '@/components/ui/listing.module.css';

import { proposalFilters } from '../filters';
import { fetchProposalPage } from '../queries';
import { ProposalCard } from './ProposalCard';

/** How many proposals a register record shows before linking to the filtered list. */
const SHOWN = 3;

/**
 * On a register record: what residents propose about this use (the most
 * supported first), and a way to propose something. Secondary to the record:
 * if the proposals cannot be read, the record still shows, with a message.
 */
export async function DataUseProposals({ reference }: { reference: string }) {
  const t = await getTranslations('Proposals.aboutDataUse');
  const filters = { dataUse: reference, sort: 'most_supported' };
  const page = await fetchProposalPage(filters, 1, SHOWN).catch((error: unknown) => {
    console.error('[register] proposals unavailable:', error);
    return null;
  });
  return (
    <section aria-labelledby="propositions" className="section">
      <h2 id="propositions">{t('title')}</h2>
      {page === null ? (
        <p className="notice notice--error">{t('unavailable')}</p>
      ) : page.total === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <>
          <p>{t('count', { count: page.total })}</p>
          <ul className={listing.results} aria-labelledby="propositions">
            {page.items.map((item) => (
              <li key={item.reference}>
                <ProposalCard item={item} />
              </li>
            ))}
          </ul>
          {page.total > page.items.length ? (
            <p>
              <Link href={proposalFilters.href(filters)}>{t('seeAll', { count: page.total })}</Link>
            </p>
          ) : null}
        </>
      )}
      <p>
        <Link href={`/propositions/nouvelle?usage=${encodeURIComponent(reference)}`} variant="button">
          {t('propose')}
        </Link>
      </p>
    </section>
  );
}
