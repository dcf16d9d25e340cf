import { defineNotificationKinds } from '../notifications/notification-kinds';

/**
 * What followers of the data use, of the consultation's proposal and of the
 * opinion are told at each step, and what members are told of their work.
 * Only members hear of an adoption (`recommendations.adopted`): the text is
 * unpublished until its opinion is, which followers then hear of.
 */
export const RECOMMENDATION_NOTIFICATIONS = defineNotificationKinds({
  'recommendations.referred': {
    fr: 'La question « {title} » est transmise au comité citoyen.',
    en: 'The question “{title}” was referred to the citizen panel.',
  },
  'recommendations.session-scheduled': {
    fr: 'Une séance du comité citoyen est prévue : « {title} ».',
    en: 'A citizen panel session is scheduled: “{title}”.',
  },
  'recommendations.vote-opened': {
    fr: 'Le vote est ouvert sur « {title} ».',
    en: 'Voting is open on “{title}”.',
  },
  'recommendations.adopted': {
    fr: 'Le comité citoyen a adopté la recommandation « {title} ».',
    en: 'The citizen panel adopted the recommendation “{title}”.',
  },
  'recommendations.opinion-published': {
    fr: 'Le comité citoyen a publié l’avis n° {number} : « {title} ».',
    en: 'The citizen panel published opinion no. {number}: “{title}”.',
  },
});
