import { defineNotificationKinds } from '../notifications/notification-kinds';

/** What authors hear of statements: a rejection, with the reason of the space's moderation policy. */
export const OPINION_MAP_NOTIFICATIONS = defineNotificationKinds({
  'opinion-map.statement-rejected': {
    fr: 'Votre affirmation dans le débat « {title} » a été refusée par la modération. Motif : {reason}',
    en: 'Your statement in the debate on “{title}” was rejected by the moderators. Reason: {reason}',
  },
});
