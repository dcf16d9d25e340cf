import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Auth'))('checkTitle') };
}

type Props = { searchParams: Promise<{ email?: string }> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const { email = '' } = await searchParams;
  const t = await getTranslations('Auth');
  return (
    <>
      <PageHeader title={t('checkTitle')} lead={t('checkLead', { email: email.slice(0, 320) })} />
      <p>{t('checkSpam')}</p>
      <p>
        <Link href="/connexion">{t('askAgain')}</Link>
      </p>
      {process.env.NODE_ENV !== 'production' || process.env.SESAME_DEV_OUTBOX === 'true' ? (
        <p className="notice">
          <Link href="/dev/boite-mail">{t('devOutboxHint')}</Link>
        </p>
      ) : null}
    </>
  );
}
