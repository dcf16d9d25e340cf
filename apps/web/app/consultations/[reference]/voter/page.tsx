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
import { requirePerson } from '@/features/identity/session';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.ballot'))('metaTitle') };
}

// The idempotency key is drawn per request: never cached.
export const dynamic = 'force-dynamic';

/** The ballot: choose, check the summary, confirm, keep the receipt. */
export default async function VotePage({ params }: Props) {
  const { reference } = await params;
  await requirePerson(`/consultations/${reference}/voter`);
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const t = await getTranslations('Consultation.ballot');
  const refusals = await getTranslations('Consultation.refusals');
  const can = consultation.viewer.can['consultations.vote'];
  return (
    <ConsultationIntl>
      <p>
        <Link href={`/consultations/${reference}`}>{t.rich('back', { title: consultation.title, fr })}</Link>
      </p>
      <PageHeader title={t('title')} lead={<span lang="fr">{consultation.question}</span>}>
        <p>{t('secrecy')}</p>
      </PageHeader>
      {can.allowed || can.reason === 'already_voted' ? (
        // Already voted: the notice, drawn by the ballot form itself, so that a receipt just given stays on screen (review M5).
        <BallotForm
          reference={reference}
          title={consultation.title}
          rules={consultation.rules}
          idempotencyKey={randomUUID()}
          mode="cast"
          action={ballotAction}
          votedNotice={can.allowed ? undefined : <VotedNotice reference={reference} text={t('alreadyVoted')} link={t('changeLink')} />}
        />
      ) : (
        <div className="notice" role="status">
          <p>{consultation.viewer.voted ? t('alreadyVoted') : refusals(can.reason ?? 'forbidden')}</p>
          {consultation.state === 'vote' && consultation.viewer.voted ? (
            <p>
              <Link href={`/consultations/${reference}/modifier-mon-vote`}>{t('changeLink')}</Link>
            </p>
          ) : null}
        </div>
      )}
    </ConsultationIntl>
  );
}

function VotedNotice({ reference, text, link }: { reference: string; text: string; link: string }) {
  return (
    <div className="notice" role="status" data-testid="already-voted">
      <p>{text}</p>
      <p>
        <Link href={`/consultations/${reference}/modifier-mon-vote`}>{link}</Link>
      </p>
    </div>
  );
}
