import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import { ActionForm, Field, Hidden } from '@/components/forms/ActionForm';
import { PageHeader } from '@/components/ui/PageHeader';
import { requestSignInLink } from '@/features/identity/actions';
import { afterSignInPath } from '@/features/identity/after-sign-in';
import { oidcProviderName } from '@/features/identity/auth-options';
import { OidcSignInButton } from '@/features/identity/components/SignInButtons';
import { currentPerson } from '@/features/identity/session';
import { safeRelativePath } from '@/lib/safe-redirect';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Auth'))('signInTitle') };
}

type Props = { searchParams: Promise<{ error?: string; retour?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, retour } = await searchParams;
  const back = safeRelativePath(retour);
  if (await currentPerson()) redirect(back === '/' ? '/compte' : back);
  const [t, form, welcome] = [await getTranslations('Auth'), await getTranslations('Form'), await getTranslations('Welcome')];
  const oidcName = oidcProviderName();
  return (
    <>
      <PageHeader title={t('signInTitle')} lead={t('signInLead')}>
        <p className="prose">{welcome('signInNewAccount')}</p>
      </PageHeader>
      {error ? (
        <div role="alert" className="notice notice--error">
          {error === 'CredentialsSignin' ? t('linkExpired') : t('signInError')}
        </div>
      ) : null}
      <ActionForm action={requestSignInLink} submitLabel={t('sendLink')} errorSummaryLabel={form('errorSummary')} labels={{ email: t('emailLabel') }}>
        <Field name="email" type="email" label={t('emailLabel')} hint={t('emailHint')} autoComplete="email" inputMode="email" required />
        <Hidden name="retour" value={back} />
      </ActionForm>
      {oidcName ? (
        <section aria-labelledby="oidc-title">
          <h2 id="oidc-title">{t('orOidc')}</h2>
          <OidcSignInButton label={t('oidcButton', { name: oidcName })} callbackUrl={afterSignInPath(back)} />
        </section>
      ) : null}
    </>
  );
}
