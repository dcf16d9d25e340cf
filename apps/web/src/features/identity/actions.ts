'use server';

import type { Me } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { typedValues, type FormState } from '@/components/forms/form-state';
import { problemState, refusedState } from '@/components/forms/problem-state';
import { rememberLocale } from '@/i18n/remember-locale';
import { safeRelativePath } from '@/lib/safe-redirect';

import { callApi, callApiJson } from '@/lib/api/client';
import { destinationAfterSignIn } from './after-sign-in';
import { fetchMe } from './queries';
import { currentPerson } from './session';
import { endSession, forgetSessionCookie } from './sign-out';

const text = (formData: FormData, name: string) => String(formData.get(name) ?? '').trim();

/** Masks an address for display: camille@demo.sesame.test → c•••@demo.sesame.test. */
function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

export async function requestSignInLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Form');
  const email = text(formData, 'email');
  const back = safeRelativePath(formData.get('retour'));
  try {
    await callApi('/api/v1/auth/sign-in-links', { method: 'POST', body: { email, locale: await getLocale(), ...(back === '/' ? {} : { returnTo: back }) } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  const params = new URLSearchParams({ email: maskEmail(email.toLowerCase()) });
  if (back !== '/') params.set('retour', back);
  redirect(`/connexion/verifiez?${params.toString()}`);
}

async function signedIn() {
  const person = await currentPerson();
  if (!person) redirect('/connexion');
  return person;
}

export async function updateProfile(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const t = await getTranslations('Form');
  const neighbourhood = text(formData, 'neighbourhoodId');
  const pseudonym = text(formData, 'pseudonym');
  let me: Me;
  try {
    // Only a changed pseudonym is sent: the one the platform gave a newcomer
    // must not stop them from saving their language or neighbourhood.
    const current = await fetchMe(person);
    me = await callApiJson<Me>('/api/v1/me', {
      method: 'PATCH',
      as: person,
      body: {
        ...(pseudonym === current.pseudonym ? {} : { pseudonym }),
        locale: text(formData, 'locale'),
        neighbourhoodId: neighbourhood === '' ? null : neighbourhood,
      },
    });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  // The header re-reads pseudonym and roles from the API on every page; the
  // interface switches to the chosen language (and the message says so in it).
  await rememberLocale(me.locale);
  const saved = await getTranslations({ locale: me.locale, namespace: 'Form' });
  return { status: 'success', message: saved('saved'), values: typedValues(formData), at: Date.now() };
}

/** The welcome page: the pseudonym a new account chose (the API's rules; a refusal keeps what was typed), then on to `retour`. */
export async function chooseFirstPseudonym(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const t = await getTranslations('Form');
  try {
    await callApiJson<Me>('/api/v1/me/welcome', { method: 'POST', as: person, body: { pseudonym: text(formData, 'pseudonym') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  // The header (in the layout, kept across navigations) shows the new name at once.
  revalidatePath('/', 'layout');
  redirect(destinationAfterSignIn(safeRelativePath(formData.get('retour'))));
}

/** The welcome page's "later": the given pseudonym stays (it changes on the account page any time). */
export async function keepGivenPseudonym(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const t = await getTranslations('Form');
  try {
    await callApiJson<Me>('/api/v1/me/welcome', { method: 'POST', as: person, body: {} });
  } catch (error) {
    return problemState(error, t('unexpected'));
  }
  redirect(destinationAfterSignIn(safeRelativePath(formData.get('retour'))));
}

export async function requestEmailChange(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const [t, account] = [await getTranslations('Form'), await getTranslations('Account')];
  try {
    await callApi('/api/v1/me/email-change', { method: 'POST', as: person, body: { email: text(formData, 'email') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  return { status: 'success', message: account('emailChangeSent'), values: typedValues(formData), at: Date.now() };
}

export async function confirmEmailChange(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const [t, account] = [await getTranslations('Form'), await getTranslations('Account')];
  try {
    const me = await callApiJson<Me>('/api/v1/me/email-change/confirm', { method: 'POST', as: person, body: { token: text(formData, 'token') } });
    return { status: 'success', message: account('emailChanged', { email: me.email ?? '' }), at: Date.now() };
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
}

export async function redeemInvitationCode(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const [t, account] = [await getTranslations('Form'), await getTranslations('Account')];
  try {
    const verification = await callApiJson<{ neighbourhood: { name: string } }>('/api/v1/me/verification', { method: 'POST', as: person, body: { code: text(formData, 'code') } });
    return { status: 'success', message: account('verifiedNow', { neighbourhood: verification.neighbourhood.name }), at: Date.now() };
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
}

export async function matchCensus(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const [t, account] = [await getTranslations('Form'), await getTranslations('Account')];
  try {
    const verification = await callApiJson<{ neighbourhood: { name: string } }>('/api/v1/me/verification/census', {
      method: 'POST',
      as: person,
      body: { lastName: text(formData, 'lastName'), firstName: text(formData, 'firstName'), birthDate: text(formData, 'birthDate') },
    });
    return { status: 'success', message: account('verifiedNow', { neighbourhood: verification.neighbourhood.name }), at: Date.now() };
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
}

/**
 * « Renouveler mon code d’électeur »: a new random code, the old one finds
 * nobody at a polling station any more. The person ticks that they understand first.
 */
export async function renewVoterCode(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const [t, account] = [await getTranslations('Form'), await getTranslations('Account')];
  if (text(formData, 'understood') !== 'yes') {
    return refusedState(formData, t('errorSummary'), { understood: account('voterCodeRenewUnticked') });
  }
  try {
    const me = await callApiJson<Me>('/api/v1/me/voter-code/renewal', { method: 'POST', as: person });
    revalidatePath('/compte');
    return { status: 'success', message: account('voterCodeRenewed', { code: me.verification?.voterCode ?? '' }), at: Date.now() };
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
}

export async function setEmailFrequency(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const t = await getTranslations('Form');
  try {
    await callApi('/api/v1/me/notification-preferences', { method: 'PUT', as: person, body: { email: text(formData, 'email') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  return { status: 'success', message: t('saved'), values: typedValues(formData), at: Date.now() };
}

export async function markAllNotificationsRead(): Promise<void> {
  const person = await signedIn();
  await callApi('/api/v1/me/notifications/read', { method: 'POST', as: person, body: {} });
  redirect('/notifications');
}

/** Ends the session on the server, not only in this browser: a copied cookie stops working (see endSession). */
export async function signOut(): Promise<void> {
  await endSession(await currentPerson());
  redirect('/');
}

/** Ends every session (the API refuses older credentials), then this one. */
export async function signOutEverywhere(): Promise<void> {
  const person = await signedIn();
  await callApi('/api/v1/me/sessions/revoke', { method: 'POST', as: person });
  await forgetSessionCookie();
  redirect('/');
}

export async function deleteAccount(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn();
  const [t, account] = [await getTranslations('Form'), await getTranslations('Account')];
  if (text(formData, 'confirmation') !== account('deleteWord')) {
    return refusedState(formData, (await getTranslations('Form'))('errorSummary'), { confirmation: account('deleteMismatch') });
  }
  try {
    await callApi('/api/v1/me', { method: 'DELETE', as: person });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  await forgetSessionCookie();
  redirect('/?compte=supprime');
}
