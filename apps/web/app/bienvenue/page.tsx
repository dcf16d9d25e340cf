import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import { ActionForm, Field, Hidden } from '@/components/forms/ActionForm';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { chooseFirstPseudonym, keepGivenPseudonym } from '@/features/identity/actions';
import { destinationAfterSignIn } from '@/features/identity/after-sign-in';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { safeRelativePath } from '@/lib/safe-redirect';
import { fr } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Welcome'))('metaTitle'), robots: { index: false } };
}

type Props = { searchParams: Promise<{ retour?: string }> };

/** A new account's first page: a welcome, and the pseudonym to choose (or keep). Works without JavaScript. */
export default async function WelcomePage({ searchParams }: Props) {
  const destination = destinationAfterSignIn(safeRelativePath((await searchParams).retour));
  const person = await requirePerson('/bienvenue');
  const me = await fetchMe(person);
  // Welcomed once: the account page is where the pseudonym changes afterwards.
  if (me.welcomed) redirect(destination);
  const [t, form] = [await getTranslations('Welcome'), await getTranslations('Form')];
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p className="prose">
          {t.rich('current', { pseudonym: me.pseudonym, fr })} {t('why')}
        </p>
      </PageHeader>

      <section className="account-section" aria-labelledby="choisir">
        <h2 id="choisir">{t('chooseTitle')}</h2>
        <ActionForm action={chooseFirstPseudonym} submitLabel={t('choose')} errorSummaryLabel={form('errorSummary')} labels={{ pseudonym: t('pseudonymLabel') }}>
          <Field name="pseudonym" label={t('pseudonymLabel')} hint={t('pseudonymHint')} autoComplete="nickname" required />
          <Hidden name="retour" value={destination} />
        </ActionForm>
      </section>

      <section className="account-section" aria-labelledby="plus-tard">
        <h2 id="plus-tard">{t('laterTitle')}</h2>
        <p>{t.rich('laterText', { pseudonym: me.pseudonym, fr })}</p>
        <ActionForm action={keepGivenPseudonym} submitLabel={t('later')} errorSummaryLabel={form('errorSummary')} variant="secondary">
          <Hidden name="retour" value={destination} />
        </ActionForm>
      </section>

      <section className="account-section" aria-labelledby="ensuite">
        <h2 id="ensuite">{t('nextTitle')}</h2>
        <ul>
          <li>
            <Link href="/registre">{t('nextRegister')}</Link>
          </li>
          <li>
            <Link href="/propositions">{t('nextProposals')}</Link>
          </li>
          <li>
            <Link href="/compte">{t('nextVerify')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
