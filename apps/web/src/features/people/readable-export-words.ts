import 'server-only';

import { AUDIT_ACTIONS, auditActionMessageKey, notificationParts } from '@sesame/domain';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';

import { resolveLocale } from '@/i18n/config';
import { getDateWords } from '@/i18n/dates';

import type { ReadableExportWords } from './readable-export';

/**
 * The words of the readable download, in the reader's language: the
 * `PersonalData` catalogue (parts, categories, fields), and the interface's own
 * names for codes — roles, journal actions, proposal states, e-mail frequencies.
 */
export async function readableExportWords(exportedAt: string): Promise<ReadableExportWords> {
  const [locale, messages, t, dates] = [resolveLocale(await getLocale()), await getMessages(), await getTranslations('PersonalData'), await getDateWords()];
  const words = messages.PersonalData;
  const account = messages.Account;
  const actions = Object.fromEntries(AUDIT_ACTIONS.map((action) => [action, messages.Journal.actions[auditActionMessageKey(action) as keyof typeof messages.Journal.actions]]));
  return {
    lang: locale,
    texts: {
      documentTitle: words.documentTitle,
      heading: words.heading,
      createdAt: t('createdAt', { date: dates.dateTime(exportedAt) }),
      intro: words.intro,
      private: words.private,
      json: words.json,
      contents: words.contents,
      nothing: words.nothing,
      empty: words.empty,
      yes: words.yes,
      no: words.no,
    },
    features: words.features,
    categories: words.categories,
    fields: words.fields,
    values: {
      ...words.values,
      role: messages.Roles,
      roles: messages.Roles,
      action: actions,
      subjectType: messages.Journal.subjectTypes,
      state: messages.Proposals.labels.state,
      emailPreference: { immediately: account.frequency_immediately, daily: account.frequency_daily, never: account.frequency_never },
    },
    dateTime: dates.dateTime,
    day: dates.day,
    notification: (kind, data) => notificationParts(kind, data, locale),
  };
}
