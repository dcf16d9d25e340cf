import { defineNotificationKinds } from '../notifications/notification-kinds';

export const VERIFICATION_NOTIFICATIONS = defineNotificationKinds({
  'resident.verified': {
    fr: 'Vous êtes reconnu·e comme habitant·e du quartier {neighbourhood}. Vous pouvez soutenir des propositions et voter.',
    en: 'You are now a verified resident of {neighbourhood}. You can support proposals and vote.',
  },
});
