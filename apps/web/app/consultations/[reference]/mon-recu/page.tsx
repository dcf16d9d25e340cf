import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { searchReceipt } from '@/features/consultations/actions';
import { ConsultationIntl } from '@/features/consultations/components/ConsultationIntl';
import { ReceiptSearchForm } from '@/features/consultations/components/ReceiptSearchForm';
import { fetchConsultation } from '@/features/consultations/queries';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.receiptSearch'))('metaTitle') };
}

/** « Is my receipt in the box? » during the vote; « find my receipt in the published list » after the close. */
export default async function ReceiptPage({ params }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const t = await getTranslations('Consultation.receiptSearch');
  const refusals = await getTranslations('Consultation.refusals');
  const closed = consultation.ballotList !== null;
  return (
    <ConsultationIntl>
      <p>
        <Link href={`/consultations/${reference}`}>{t('back')}</Link>
      </p>
      <PageHeader title={closed ? t('titleClosed') : t('title')} lead={closed ? t('leadClosed') : t('lead')} />
      {/* Review M14: after the close, a receipt code shows its ballot's choices to whoever holds it. */}
      <p className="notice" data-testid="show-nobody">
        {t('showNobody')}
      </p>
      {consultation.viewer.can['consultations.check-receipt'].allowed ? <ReceiptSearchForm reference={reference} action={searchReceipt} /> : <p className="notice">{refusals(consultation.viewer.can['consultations.check-receipt'].reason ?? 'forbidden')}</p>}
    </ConsultationIntl>
  );
}
