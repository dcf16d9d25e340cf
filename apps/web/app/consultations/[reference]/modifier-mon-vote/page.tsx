import { randomUUID } from 'node:crypto';

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { fr } from '@/i18n/content';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { ballotAction } from '@/features/consultations/actions';
import { BallotForm } from '@/features/consultations/components/BallotForm';
import { ConsultationIntl } from '@/features/consultations/components/ConsultationIntl';
import { fetchConsultation } from '@/features/consultations/queries';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.ballot'))('changeTitle') };
}

export const dynamic = 'force-dynamic';

/** Changing one's vote with the receipt code and the change key (the last choices count; the receipt code stays). */
export default async function ChangeVotePage({ params }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const t = await getTranslations('Consultation.ballot');
  return (
    <ConsultationIntl>
      <p>
        <Link href={`/consultations/${reference}`}>{t.rich('back', { title: consultation.title, fr })}</Link>
      </p>
      <PageHeader title={t('changeTitle')} lead={t('changeLead')} />
      {consultation.state === 'vote' ? (
        <BallotForm reference={reference} title={consultation.title} rules={consultation.rules} idempotencyKey={randomUUID()} mode="change" action={ballotAction} />
      ) : (
        <p className="notice">{t('voteNotOpen')}</p>
      )}
    </ConsultationIntl>
  );
}
