import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { ActionForm, Hidden } from '@/components/forms/ActionForm';
import { Announcement } from '@/components/ui/Announcement';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { withdrawVolunteer } from '@/features/advisory-panel/actions';
import { answerPath } from '@/features/advisory-panel/form-values';
import { fetchCall, isWithdrawToken } from '@/features/advisory-panel/queries';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ jeton?: string; retire?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelCall.withdraw'))('metaTitle'), robots: { index: false } };
}

/**
 * Where the link given with an answer's confirmation leads: the volunteer
 * withdraws their answer, until the pool is frozen for a draw (then the API's
 * 409 says they can decline the seat if drawn). No account: the link's code is
 * the proof, and the page is never indexed.
 */
export default async function WithdrawPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const call = await fetchCall(reference);
  if (!call) notFound();
  const { jeton, retire } = await searchParams;
  const token = typeof jeton === 'string' ? jeton : '';
  const [t, form] = [await getTranslations('AdvisoryPanelCall.withdraw'), await getTranslations('Form')];

  if (retire === '1') {
    return (
      <>
        <Announcement>
          <p>
            <strong>{t('doneTitle')}</strong>
          </p>
          <p>{t('doneText')}</p>
        </Announcement>
        <PageHeader title={t('title')} lead={<Content>{call.title}</Content>} />
        <p>
          <Link href="/comite">{t('toPanel')}</Link>
        </p>
      </>
    );
  }
  if (!isWithdrawToken(token)) {
    return (
      <>
        <PageHeader title={t('title')} lead={<Content>{call.title}</Content>} />
        <EmptyState title={t('invalidTitle')} headingLevel={2}>
          <p>{t('invalidText')}</p>
          <p>
            <Link href={answerPath(call.reference)}>{t('toCall')}</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('title')} lead={<Content>{call.title}</Content>}>
        <p>{call.reference}</p>
      </PageHeader>
      <section className="section prose" aria-labelledby="retirer">
        <h2 id="retirer">{t('formTitle')}</h2>
        <p>{t('what')}</p>
        <p>{t('until')}</p>
        <ActionForm action={withdrawVolunteer} submitLabel={t('submit')} errorSummaryLabel={form('errorSummary')} variant="secondary">
          <Hidden name="reference" value={call.reference} />
          <Hidden name="token" value={token} />
        </ActionForm>
      </section>
      <p>
        <Link href={answerPath(call.reference)}>{t('toCall')}</Link>
      </p>
    </>
  );
}
