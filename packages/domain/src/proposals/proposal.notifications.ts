import { defineNotificationKinds, type NotificationSentences } from '../notifications/notification-kinds';
import type { ReachableProposalState } from './proposal.lifecycle';

/** Every state a proposal reaches is told to its author and followers, except its submission (the author did it). */
export type NotifiedProposalState = Exclude<ReachableProposalState, 'submitted'>;

// The compiler checks that every notified state has its sentences.
export const PROPOSAL_NOTIFICATIONS = defineNotificationKinds({
  'proposal.admissible': {
    fr: 'Votre proposition « {title} » est acceptée : elle est maintenant ouverte aux soutiens.',
    en: 'Your proposal “{title}” is accepted: it is now open for support.',
  },
  'proposal.inadmissible': {
    fr: 'Votre proposition « {title} » est refusée : {reason}',
    en: 'Your proposal “{title}” is refused: {reason}',
  },
  'proposal.qualified': {
    fr: 'Votre proposition « {title} » a atteint son objectif de soutiens.',
    en: 'Your proposal “{title}” reached its supporter goal.',
  },
  'proposal.expired': {
    fr: 'La période de soutien de « {title} » est finie : l’objectif de soutiens n’est pas atteint.',
    en: 'The support period for “{title}” is over: the supporter goal was not reached.',
  },
  'proposal.selected': {
    fr: 'La proposition « {title} » est choisie pour une consultation publique.',
    en: 'The proposal “{title}” was chosen for a public consultation.',
  },
  'proposal.not_selected': {
    fr: 'La proposition « {title} » n’est pas choisie pour une consultation : {reason}',
    en: 'The proposal “{title}” was not chosen for a consultation: {reason}',
  },
  'proposal.withdrawn': {
    fr: 'La proposition « {title} » a été retirée par la personne qui l’a écrite.',
    en: 'The proposal “{title}” was withdrawn by its author.',
  },
  // To the people who decide (proposals.organize), when a proposal is submitted.
  'proposal.received': {
    fr: 'Nouvelle proposition à examiner : « {title} » ({reference}).',
    en: 'New proposal to review: “{title}” ({reference}).',
  },
}) satisfies Record<`proposal.${NotifiedProposalState}`, NotificationSentences>;
