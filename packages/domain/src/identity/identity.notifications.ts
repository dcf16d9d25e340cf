import { defineNotificationKinds } from '../notifications/notification-kinds';
import type { Locale, Role } from './identity.schema';

const ROLE_NAMES: Record<Locale, Record<Role, string>> = {
  fr: {
    resident: 'habitant ou habitante',
    facilitator: 'animateur ou animatrice',
    moderator: 'modérateur ou modératrice',
    organizer: 'organisateur ou organisatrice',
    panel_member: 'membre du comité citoyen',
    authority: 'représentant ou représentante de la ville',
    admin: 'administrateur ou administratrice',
  },
  en: {
    resident: 'resident',
    facilitator: 'facilitator',
    moderator: 'moderator',
    organizer: 'organiser',
    panel_member: 'citizen panel member',
    authority: 'town representative',
    admin: 'administrator',
  },
};

/** A role code in the reader's language (the code itself if unknown). */
const roleName = (role: unknown, locale: Locale): string => ROLE_NAMES[locale][role as Role] ?? String(role);

/** Sent by an administrator's role change (people feature). */
export const IDENTITY_NOTIFICATIONS = defineNotificationKinds({
  'role.granted': {
    fr: 'Vous avez maintenant le rôle « {role} ».',
    en: 'You now have the {role} role.',
    format: { role: roleName },
  },
  'role.revoked': {
    fr: 'Vous n’avez plus le rôle « {role} ».',
    en: 'You no longer have the {role} role.',
    format: { role: roleName },
  },
});
