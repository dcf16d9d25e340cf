import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, SelectField } from '@/components/forms/ActionForm';
import { Button } from '@/components/ui/Button';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import {
  deleteAccount,
  matchCensus,
  redeemInvitationCode,
  renewVoterCode,
  requestEmailChange,
  setEmailFrequency,
  signOut,
  signOutEverywhere,
  updateProfile,
} from '@/features/identity/actions';
import { fetchMe, fetchNeighbourhoods, fetchNotificationPreferences } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { CONTENT_LANG } from '@/i18n/config';
import { fr } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Account'))('title') };
}

export default async function AccountPage() {
  const person = await requirePerson('/compte');
  const [me, neighbourhoods, preferences] = await Promise.all([
    fetchMe(person),
    fetchNeighbourhoods(),
    fetchNotificationPreferences(person),
  ]);
  const [t, form, roles, dates, personalData] = [await getTranslations('Account'), await getTranslations('Form'), await getTranslations('Roles'), await getDateWords(), await getTranslations('PersonalData')];
  const errors = form('errorSummary');

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/compte/propositions">{(await getTranslations('Proposals.mine'))('accountLink')}</Link>
        </p>
      </PageHeader>

      <section className="account-section" aria-labelledby="profile">
        <h2 id="profile">{t('profileTitle')}</h2>
        <ActionForm action={updateProfile} submitLabel={t('save')} errorSummaryLabel={errors} labels={{ pseudonym: t('pseudonymLabel'), locale: t('languageLabel'), neighbourhoodId: t('neighbourhoodLabel') }}>
          <Field name="pseudonym" label={t('pseudonymLabel')} hint={t('pseudonymHint')} defaultValue={me.pseudonym} autoComplete="nickname" required />
          <SelectField
            name="locale"
            label={t('languageLabel')}
            defaultValue={me.locale}
            options={[
              { value: 'fr', label: 'Français', lang: 'fr' },
              { value: 'en', label: 'English', lang: 'en' },
            ]}
          />
          <SelectField
            name="neighbourhoodId"
            label={t('neighbourhoodLabel')}
            defaultValue={me.neighbourhood?.id ?? ''}
            options={[{ value: '', label: t('neighbourhoodNone') }, ...neighbourhoods.map((n) => ({ value: n.id, label: n.name, lang: CONTENT_LANG }))]}
          />
        </ActionForm>
      </section>

      <section className="account-section" aria-labelledby="roles">
        <h2 id="roles">{t('rolesTitle')}</h2>
        <ul>
          {me.roles.map((role) => (
            <li key={role}>{roles(role)}</li>
          ))}
        </ul>
      </section>

      <section className="account-section" aria-labelledby="verification">
        <h2 id="verification">{t('verificationTitle')}</h2>
        {/* One identity per account: once verified, no second code or census match (the API answers 409). */}
        {me.verification ? (
          <>
            <p className="notice">{t.rich('verifiedAs', { neighbourhood: me.verification.neighbourhood.name, date: dates.date(me.verification.verifiedAt), fr })}</p>
            <p data-testid="voter-code">{t.rich('voterCode', { code: me.verification.voterCode, strong: (chunks) => <strong>{chunks}</strong> })}</p>
            <p>{t('voterCodeHint')}</p>
            <h3 id="voter-code-renewal">{t('voterCodeRenewTitle')}</h3>
            <p>{t('voterCodeRenewLead')}</p>
            <ActionForm action={renewVoterCode} submitLabel={t('voterCodeRenewButton')} errorSummaryLabel={errors} variant="secondary" labels={{ understood: t('voterCodeRenewConfirm') }}>
              <CheckboxField name="understood" label={t('voterCodeRenewConfirm')} />
            </ActionForm>
            <p>{t('verifiedOnce')}</p>
          </>
        ) : (
          <>
            <p>{t('notVerified')}</p>
            <ActionForm action={redeemInvitationCode} submitLabel={t('redeem')} errorSummaryLabel={errors} labels={{ code: t('codeLabel') }}>
              <Field name="code" label={t('codeLabel')} hint={t('codeHint')} autoComplete="off" required />
            </ActionForm>
            <h3>{t('censusTitle')}</h3>
            <p>{t('censusPrivacy')}</p>
            <ActionForm
              action={matchCensus}
              submitLabel={t('censusButton')}
              errorSummaryLabel={errors}
              variant="secondary"
              labels={{ lastName: t('lastNameLabel'), firstName: t('firstNameLabel'), birthDate: t('birthDateLabel') }}
            >
              <Field name="lastName" label={t('lastNameLabel')} autoComplete="family-name" required />
              <Field name="firstName" label={t('firstNameLabel')} autoComplete="given-name" required />
              <Field name="birthDate" label={t('birthDateLabel')} hint={t('birthDateHint')} autoComplete="bday" required />
            </ActionForm>
          </>
        )}
      </section>

      <section className="account-section" aria-labelledby="email">
        <h2 id="email">{t('emailTitle')}</h2>
        <p>{t('emailCurrent', { email: me.email ?? '—' })}</p>
        <ActionForm action={requestEmailChange} submitLabel={t('changeEmail')} errorSummaryLabel={errors} variant="secondary" labels={{ email: t('newEmailLabel') }}>
          <Field name="email" type="email" label={t('newEmailLabel')} autoComplete="email" required />
        </ActionForm>
      </section>

      <section className="account-section" aria-labelledby="notifications">
        <h2 id="notifications">{t('notificationsTitle')}</h2>
        <ActionForm action={setEmailFrequency} submitLabel={t('save')} errorSummaryLabel={errors} variant="secondary" labels={{ email: t('emailFrequencyLabel') }}>
          <SelectField
            name="email"
            label={t('emailFrequencyLabel')}
            defaultValue={preferences.email}
            options={(['immediately', 'daily', 'never'] as const).map((value) => ({ value, label: t(`frequency_${value}`) }))}
          />
        </ActionForm>
      </section>

      <section className="account-section" aria-labelledby="data">
        <h2 id="data">{t('dataTitle')}</h2>
        <p>{t('dataLead')}</p>
        {/* File downloads: plain links, not client navigation. */}
        <p>
          <a href="/compte/mes-donnees/lisible" className="link-button" download>
            {t('download')}
          </a>
        </p>
        <p>
          <a href="/compte/mes-donnees" download>
            {personalData('downloadJson')}
          </a>
        </p>
      </section>

      <section className="account-section" aria-labelledby="sessions">
        <h2 id="sessions">{t('sessionsTitle')}</h2>
        <form action={signOut} className="inline-form">
          <Button type="submit" variant="secondary">
            {(await getTranslations('Auth'))('signOut')}
          </Button>
        </form>
        <form action={signOutEverywhere} className="inline-form">
          <Button type="submit" variant="secondary">
            {(await getTranslations('Auth'))('signOutEverywhere')}
          </Button>
        </form>
      </section>

      <section className="account-section" aria-labelledby="delete">
        <h2 id="delete">{t('deleteTitle')}</h2>
        <p>{t('deleteLead')}</p>
        <ActionForm action={deleteAccount} submitLabel={t('deleteButton')} errorSummaryLabel={errors} variant="secondary" labels={{ confirmation: t('deleteConfirmLabel') }}>
          <Field name="confirmation" label={t('deleteConfirmLabel')} autoComplete="off" required />
        </ActionForm>
      </section>
    </>
  );
}
