import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { afterSignInPath } from '@/features/identity/after-sign-in';
import { EmailLinkSignInButton } from '@/features/identity/components/SignInButtons';
import { safeRelativePath } from '@/lib/safe-redirect';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Auth'))('linkTitle'), robots: { index: false } };
}

type Props = { searchParams: Promise<{ token?: string; retour?: string }> };

/** Opening the link does not sign in (mail scanners open links): the person presses the button. */
export default async function SignInLinkPage({ searchParams }: Props) {
  const { token, retour } = await searchParams;
  // Back where the person asked to sign in from (their account page otherwise), a new account welcomed first.
  const back = safeRelativePath(retour);
  const t = await getTranslations('Auth');
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    return (
      <>
        <PageHeader title={t('linkTitle')} />
        <p role="alert" className="notice notice--error">
          {t('linkMissing')}
        </p>
        <Link href="/connexion">{t('askAgain')}</Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('linkTitle')} lead={t('linkLead')} />
      <noscript>
        <p className="notice notice--error">{t('linkNoScript')}</p>
      </noscript>
      <EmailLinkSignInButton token={token} label={t('linkButton')} callbackUrl={afterSignInPath(back)} />
    </>
  );
}
