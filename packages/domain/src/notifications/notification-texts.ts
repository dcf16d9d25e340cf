import { DELIBERATION_NOTIFICATIONS } from '../deliberations/deliberation.notifications';
import { DATA_USE_NOTIFICATIONS } from '../data-uses/data-use.notifications';
import { IDENTITY_NOTIFICATIONS } from '../identity/identity.notifications';
import type { Locale } from '../identity/identity.schema';
import { PROPOSAL_NOTIFICATIONS } from '../proposals/proposal.notifications';
import { OPINION_MAP_NOTIFICATIONS } from '../opinion-map/opinion-map.notifications';
import { RECOMMENDATION_NOTIFICATIONS } from '../recommendations/recommendations.notifications';
import { VERIFICATION_NOTIFICATIONS } from '../verification/verification.notifications';
import { fillSentence, sentenceParts, sentencePlaceholders, type NotificationSentences, type SentencePart, type SentencePlaceholders } from './notification-kinds';

/**
 * Every feature's notification kinds, each declared with its French and English
 * sentences in the feature's own folder (`<feature>/<feature>.notifications.ts`).
 * A feature that notifies something new declares it there and adds its list here;
 * a unit test checks that no kind is declared twice.
 */
export const FEATURE_NOTIFICATIONS = [IDENTITY_NOTIFICATIONS, VERIFICATION_NOTIFICATIONS, DATA_USE_NOTIFICATIONS, PROPOSAL_NOTIFICATIONS, DELIBERATION_NOTIFICATIONS, OPINION_MAP_NOTIFICATIONS, RECOMMENDATION_NOTIFICATIONS] as const;

type FeatureLists = typeof FEATURE_NOTIFICATIONS;
type AllKinds = FeatureLists[number] extends infer List ? (List extends unknown ? keyof List : never) : never;

/** What happened (`role.granted`, `proposal.selected`…): only these can be sent. */
export type NotificationKind = Extract<AllKinds, string>;

/** The sentences of one kind, with their exact text (so the fields they need are known). */
type SentencesOf<Kind extends NotificationKind> = Extract<FeatureLists[number], Record<Kind, NotificationSentences>>[Kind];

/** The data fields the sentences of `Kind` need (for a union of kinds: every field any of them needs). */
export type NotificationFields<Kind extends NotificationKind> = Kind extends unknown ? SentencePlaceholders<SentencesOf<Kind>['fr'] | SentencesOf<Kind>['en']> : never;

export const NOTIFICATION_TEXTS: Readonly<Record<NotificationKind, NotificationSentences>> = Object.assign({}, ...FEATURE_NOTIFICATIONS);

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_TEXTS) as NotificationKind[];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_TEXTS, kind);
}

/** The data fields a kind's sentences need, in either language (what the sender must provide). */
export function notificationFields(kind: NotificationKind): string[] {
  const sentences = NOTIFICATION_TEXTS[kind];
  return [...new Set([...sentencePlaceholders(sentences.fr), ...sentencePlaceholders(sentences.en)])];
}

const FALLBACK: Record<Locale, string> = { fr: 'Du nouveau sur Sésame.', en: 'Something new on Sésame.' };

/**
 * One sentence per kind of notification: the notifications page and the e-mails
 * say the same thing. A stored kind no longer declared gets a plain sentence.
 */
export function notificationText(kind: string, data: Record<string, unknown>, locale: Locale): string {
  return isNotificationKind(kind) ? fillSentence(NOTIFICATION_TEXTS[kind], data, locale) : FALLBACK[locale];
}

/** The same sentence in pieces, so that the notifications page marks what people wrote (`lang="fr"`). */
export function notificationParts(kind: string, data: Record<string, unknown>, locale: Locale): SentencePart[] {
  return isNotificationKind(kind) ? sentenceParts(NOTIFICATION_TEXTS[kind], data, locale) : [{ text: FALLBACK[locale] }];
}
