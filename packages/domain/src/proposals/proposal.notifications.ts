import { defineNotificationKinds, type NotificationSentences } from '../notifications/notification-kinds';
import type { ReachableProposalState } from './proposal.lifecycle';

/** Every state a proposal reaches is told to its author and followers, except its submission (the author did it). */
export type NotifiedProposalState = Exclude<ReachableProposalState, 'submitted'>;

// The compiler checks that every notified state has its sentences.
export const PROPOSAL_NOTIFICATIONS = defineNotificationKinds({
  'proposal.admissible': {
    fr: 'Votre proposition « {title} » est recevable : elle recueille maintenant des soutiens.',
    en: 'Your proposal “{title}” is admissible: it now collects supports.',
  },
  'proposal.inadmissible': {
    fr: 'Votre proposition « {title} » n’est pas recevable : {reason}',
    en: 'Your proposal “{title}” is not admissible: {reason}',
  },
  'proposal.qualified': {
    fr: 'Votre proposition « {title} » a atteint son seuil de soutiens : elle est qualifiée.',
    en: 'Your proposal “{title}” reached its support threshold: it qualifies.',
  },
  'proposal.expired': {
    fr: 'Le recueil des soutiens de « {title} » est clos sans atteindre le seuil.',
    en: 'Support collection for “{title}” closed below the threshold.',
  },
  'proposal.selected': {
    fr: 'La proposition « {title} » est retenue pour une consultation publique.',
    en: 'The proposal “{title}” was selected for a public consultation.',
  },
  'proposal.not_selected': {
    fr: 'La proposition « {title} » n’est pas retenue : {reason}',
    en: 'The proposal “{title}” was not selected: {reason}',
  },
  'proposal.withdrawn': {
    fr: 'La proposition « {title} » a été retirée par son auteur.',
    en: 'The proposal “{title}” was withdrawn by its author.',
  },
  // To the people who decide (proposals.organize), when a proposal is submitted.
  'proposal.received': {
    fr: 'Nouvelle proposition à examiner : « {title} » ({reference}).',
    en: 'New proposal to review: “{title}” ({reference}).',
  },
}) satisfies Record<`proposal.${NotifiedProposalState}`, NotificationSentences>;
