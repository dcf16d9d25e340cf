import { defineNotificationKinds } from '../notifications/notification-kinds';
import type { ResponseDecision } from './authority-responses.values';

const DECISION_WORDS: Record<'fr' | 'en', Record<ResponseDecision, string>> = {
  fr: { accepted: 'acceptée', partially_accepted: 'partiellement acceptée', rejected: 'rejetée', deferred: 'reportée' },
  en: { accepted: 'accepted', partially_accepted: 'partially accepted', rejected: 'rejected', deferred: 'deferred' },
};

/** What followers of the opinion, of its data use and of its consultation's proposal hear of the answer and its follow-up. */
export const AUTHORITY_RESPONSE_NOTIFICATIONS = defineNotificationKinds({
  'authority-responses.answered': {
    fr: 'La ville a répondu à la recommandation « {title} » : {decision}.',
    en: 'The authority answered the recommendation “{title}”: {decision}.',
    format: { decision: (value, locale) => DECISION_WORDS[locale][value as ResponseDecision] ?? String(value) },
  },
  'authority-responses.progress-reported': {
    fr: 'Nouveau point d’étape sur la mise en œuvre de « {title} ».',
    en: 'New progress report on implementing “{title}”.',
  },
  'authority-responses.review-due': {
    fr: 'Le bilan public de la mise en œuvre de « {title} » est dû : un an a passé depuis la réponse de la ville.',
    en: 'The public review of how “{title}” was implemented is due: a year has passed since the authority’s answer.',
  },
});
