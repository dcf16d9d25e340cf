import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { fetchConsultation, fetchConsultationDeliberation } from '@/features/consultations/queries';
import { OpinionMapPage } from '@/features/opinion-map/components/OpinionMapPage';
import { statementsPath } from '@/features/opinion-map/paths';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await fetchConsultation((await params).reference);
  const t = await getTranslations('Consultation');
  return { title: consultation ? t('deliberation.metaTitleMap', { title: consultation.title }) : t('notFound') };
}

/** The opinion map of a consultation's deliberation space. */
export default async function ConsultationOpinionMapPage({ params }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const space = await fetchConsultationDeliberation(reference);
  if (!space) notFound();
  const t = await getTranslations('Consultation.deliberation');
  return (
    <OpinionMapPage
      reference={reference}
      spaceId={space.id}
      lead={t.rich('mapLead', { title: consultation.title, fr: (chunks) => <Content>{chunks}</Content> })}
      links={[
        { href: `/consultations/${reference}`, label: t('backToConsultation') },
        { href: statementsPath(reference), label: t('toStatements') },
      ]}
    />
  );
}
