import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { searchReceipt } from '@/features/consultations/actions';
import { ConsultationIntl } from '@/features/consultations/components/ConsultationIntl';
import { ReceiptSearchForm } from '@/features/consultations/components/ReceiptSearchForm';
import { ResultsView } from '@/features/consultations/components/ResultsView';
import { fetchConsultation, fetchResults } from '@/features/consultations/queries';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await fetchConsultation((await params).reference);
  const t = await getTranslations('Consultation.results');
  return { title: consultation ? t('metaTitle', { title: consultation.title }) : t('title') };
}

/** Results after the close — for everyone, organizers included, never before. */
export default async function ResultsPage({ params }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const t = await getTranslations('Consultation.results');
  const results = await fetchResults(reference);
  return (
    <ConsultationIntl>
      <p>
        <Link href={`/consultations/${reference}`}>{t('back')}</Link>
      </p>
      <PageHeader title={t('title')} lead={<span lang="fr">{consultation.question}</span>} />
      {results ? (
        <>
          <ResultsView consultation={consultation} results={results} />
          <section aria-labelledby="mon-recu">
            <h2 id="mon-recu">{t('findReceipt')}</h2>
            <ReceiptSearchForm reference={reference} action={searchReceipt} />
          </section>
        </>
      ) : (
        <p className="notice" data-testid="results-hidden">
          {t('notYet')}
        </p>
      )}
    </ConsultationIntl>
  );
}
