import type { Locale } from '../identity/identity.schema';
import { defineNotificationKinds } from '../notifications/notification-kinds';
import type { AppealOutcome, RecordedDecisionKind } from './deliberation.values';

const DECISION_NAMES: Record<Locale, Record<RecordedDecisionKind, string>> = {
  fr: {
    approve: 'contribution publiée',
    reject: 'contribution refusée',
    hide: 'contribution masquée',
    hide_automatically: 'contribution masquée automatiquement en attendant la vérification par la modération',
    restore: 'contribution rétablie',
    edit_personal_data: 'données personnelles retirées de la contribution',
    warn: 'avertissement',
    suspend: 'participation suspendue',
  },
  en: {
    approve: 'contribution published',
    reject: 'contribution rejected',
    hide: 'contribution hidden',
    hide_automatically: 'contribution hidden automatically until a moderator checks it',
    restore: 'contribution restored',
    edit_personal_data: 'personal data removed from the contribution',
    warn: 'warning',
    suspend: 'participation suspended',
  },
};
const OUTCOME_NAMES: Record<Locale, Record<AppealOutcome, string>> = {
  fr: { upheld: 'la décision est maintenue', reversed: 'la décision est annulée' },
  en: { upheld: 'the decision stands', reversed: 'the decision is reversed' },
};

/** A decision code in the reader's language (the code itself if unknown). */
export const decisionName = (decision: unknown, locale: Locale): string => DECISION_NAMES[locale][decision as RecordedDecisionKind] ?? String(decision);
const outcomeName = (outcome: unknown, locale: Locale): string => OUTCOME_NAMES[locale][outcome as AppealOutcome] ?? String(outcome);

/**
 * What people hear of moderation: the author gets each decision's statement of
 * reasons, the reporter the outcome of their report, the appellant the
 * outcome of their appeal; moderators, daily, the items waiting too long.
 */
export const DELIBERATION_NOTIFICATIONS = defineNotificationKinds({
  'deliberation.decision': {
    fr: 'Décision de modération sur votre contribution à « {title} » : {decision}. Motif : {reason} Vous pouvez faire appel une fois, dans les 6 mois.',
    en: 'Moderation decision on your contribution to “{title}”: {decision}. Reason: {reason} You may appeal once, within 6 months.',
    format: { decision: decisionName },
  },
  'deliberation.report-outcome': {
    fr: 'Votre signalement d’une contribution à « {title} » a été examiné : {decision}.',
    en: 'Your report of a contribution to “{title}” was reviewed: {decision}.',
    format: { decision: decisionName },
  },
  'deliberation.queue-reminder': {
    fr: 'Modération : {count} élément(s) attendent depuis plus de {hours} heures dans le débat « {title} ».',
    en: 'Moderation: {count} item(s) have been waiting for more than {hours} hours in the debate on “{title}”.',
  },
  'deliberation.appeal-outcome': {
    fr: 'Votre appel sur « {title} » est tranché : {outcome}. {reason}',
    en: 'Your appeal on “{title}” was decided: {outcome}. {reason}',
    format: { outcome: outcomeName },
  },
});
