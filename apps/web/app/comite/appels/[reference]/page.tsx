import { UNDRAWN_CONTACT_RETENTION_DAYS } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { AnswerForm } from '@/features/advisory-panel/components/AnswerForm';
import { panelLabels } from '@/features/advisory-panel/labels';
import { withdrawPath } from '@/features/advisory-panel/form-values';
import { fetchCall, isWithdrawToken } from '@/features/advisory-panel/queries';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ code?: string; merci?: string; retrait?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const call = await fetchCall((await params).reference);
  if (!call) return {};
  return { title: (await getTranslations('AdvisoryPanelCall'))('metaTitle', { title: call.title }) };
}

/** A call for volunteers and its answer form, reached from an invitation letter (its code may come in the address). */
export default async function CallPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const call = await fetchCall(reference);
  if (!call) notFound();
  const { code, merci, retrait } = await searchParams;
  const [t, labels] = [await getTranslations('AdvisoryPanelCall'), await panelLabels()];
  const volunteer = merci && /^[\p{L}\p{N}_.-]{1,60}$/u.test(merci) ? merci : null;
  const withdrawal = volunteer && typeof retrait === 'string' && isWithdrawToken(retrait) ? withdrawPath(call.reference, retrait) : null;

  return (
    <>
      {volunteer ? (
        <Announcement>
          <p>
            <strong>{t('thanksTitle')}</strong>
          </p>
          <p>{t('thanksText', { volunteer })}</p>
          {withdrawal ? (
            <p>
              {t('withdrawKeep')} <Link href={withdrawal}>{t('withdrawLink')}</Link>
            </p>
          ) : null}
        </Announcement>
      ) : null}
      <PageHeader title={<Content>{call.title}</Content>} lead={t('lead')}>
        <p>
          {call.reference} · {labels.callState(call.state)}
        </p>
        {call.description ? (
          <p className="prose prewrap">
            <Content>{call.description}</Content>
          </p>
        ) : null}
      </PageHeader>

      <section className="section prose" aria-labelledby="comment">
        <h2 id="comment">{t('howTitle')}</h2>
        <ul>
          <li>{t('how1')}</li>
          <li>{t('how2')}</li>
          <li>{t('how3', { days: UNDRAWN_CONTACT_RETENTION_DAYS })}</li>
        </ul>
      </section>

      {volunteer ? null : call.viewer.can['advisory-panel.answer-call'].allowed ? (
        <section className="section" aria-labelledby="repondre">
          <h2 id="repondre">{t('formTitle')}</h2>
          <AnswerForm call={call} code={typeof code === 'string' ? code.slice(0, 40) : ''} />
        </section>
      ) : (
        <section className="section" aria-labelledby="repondre">
          <h2 id="repondre">{t('formTitle')}</h2>
          <p>{call.state === 'closed' ? t('closed') : t('notOpen')}</p>
        </section>
      )}

      <p>
        <Link href="/comite">{t('back')}</Link>
      </p>
    </>
  );
}
