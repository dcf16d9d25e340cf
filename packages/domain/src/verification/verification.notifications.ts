import { defineNotificationKinds } from '../notifications/notification-kinds';

export const VERIFICATION_NOTIFICATIONS = defineNotificationKinds({
  'resident.verified': {
    fr: 'Votre quartier est vérifié : {neighbourhood}. Vous pouvez soutenir des propositions et voter.',
    en: 'Your neighbourhood is verified: {neighbourhood}. You can support proposals and vote.',
  },
});
