import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { EmptyState } from './ui/EmptyState';
import { PageHeader } from './ui/PageHeader';

/** Sections whose features are still to come; they share one honest layout. */
export type SectionNamespace = 'Propositions' | 'Consultations' | 'Comite';

export async function sectionMetadata(namespace: SectionNamespace): Promise<Metadata> {
  const t = await getTranslations(namespace);
  return { title: t('metaTitle') };
}

export async function SectionPage({ namespace }: { namespace: SectionNamespace }) {
  const t = await getTranslations(namespace);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p className="prose">{t('details')}</p>
      </PageHeader>
      <EmptyState title={t('emptyTitle')}>
        <p>{t('emptyText')}</p>
      </EmptyState>
    </>
  );
}
