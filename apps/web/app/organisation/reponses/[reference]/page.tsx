import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { answerRecommendation } from '@/features/authority-responses/actions';
import { AnswerForm } from '@/features/authority-responses/components/AnswerForm';
import { ResponseBlock } from '@/features/authority-responses/components/ResponseBlock';
import { ActionsSection, ReportSection } from '@/features/authority-responses/components/TrackingForms';
import { answerFormTexts } from '@/features/authority-responses/labels';
import { publicPagePath, trackingPath, WORKSPACE_PATH } from '@/features/authority-responses/paths';
import { fetchAuthorityResponse } from '@/features/authority-responses/queries';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ repondu?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations('AuthorityResponses.tracking');
  return { title: t('metaTitle', { reference }) };
}

/**
 * The town's page for one recommendation: its answer (or the form to give
 * it), then — for what it accepted, even in part — the implementation
 * actions, each one's update, and the progress report due next (with its
 * date, and how late it is). The API decides who may (`viewer.can`).
 */
export default async function TrackingPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const person = await requirePerson(trackingPath(reference));
  const view = await fetchAuthorityResponse(reference);
  if (!view) notFound();
  const [t, me, { repondu }] = await Promise.all([getTranslations('AuthorityResponses.tracking'), fetchMe(person), searchParams]);
  if (!me.can['authority-responses.answer'].allowed) {
    const w = await getTranslations('AuthorityResponses.workspace');
    return (
      <PageHeader title={w('forbiddenTitle')} lead={w('forbiddenLead')}>
        <p>
          <Link href={publicPagePath(reference)}>{t('publicPage')}</Link>
        </p>
      </PageHeader>
    );
  }
  const can = view.viewer.can;
  const tracked = can['authority-responses.track'].allowed;
  return (
    <>
      <p>
        <Link href={WORKSPACE_PATH}>{t('back')}</Link>
      </p>
      <PageHeader title={<span lang="fr">{view.recommendation.title}</span>} lead={t('lead', { reference, number: view.recommendation.opinion })}>
        <p>
          <Link href={publicPagePath(reference)}>{t('publicPage')}</Link>
        </p>
      </PageHeader>
      {repondu && view.response ? (
        <div className="notice" role="status">
          {tracked ? t('answeredTracked') : t('answered')}
        </div>
      ) : null}
      <ResponseBlock view={view} />
      {can['authority-responses.answer'].allowed ? <AnswerForm action={answerRecommendation} reference={reference} texts={await answerFormTexts()} /> : null}
      {view.response && !tracked ? <p>{t('notTracked')}</p> : null}
      {tracked ? <ActionsSection view={view} /> : null}
      {can['authority-responses.report'].allowed ? <ReportSection view={view} /> : null}
    </>
  );
}
