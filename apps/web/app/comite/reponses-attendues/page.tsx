import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { PageHeader } from '@/components/ui/PageHeader';
import { OutstandingList } from '@/features/authority-responses/components/OutstandingList';
import { fetchOutstanding } from '@/features/authority-responses/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AuthorityResponses'))('metaTitle') };
}

/** The schedule of the town's outstanding answers to the panel, with days overdue (public). */
export default async function OutstandingResponsesPage() {
  const [t, list] = [await getTranslations('AuthorityResponses'), await fetchOutstanding()];
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <OutstandingList list={list} />
      <section aria-labelledby="donnees-ouvertes" className="section">
        <h2 id="donnees-ouvertes">{t('openDataTitle')}</h2>
        <p>{t('openDataText')}</p>
        <ul>
          {(['csv', 'json', 'atom'] as const).map((format) => (
            <li key={format}>
              <ApiLink href={`/api/v1/open-data/authority-responses.${format}`}>{t(format)}</ApiLink>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
