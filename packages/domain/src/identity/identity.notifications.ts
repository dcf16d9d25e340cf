import { defineNotificationKinds } from '../notifications/notification-kinds';
import type { Locale, Role } from './identity.schema';

const ROLE_NAMES: Record<Locale, Record<Role, string>> = {
  fr: {
    resident: 'habitant·e',
    facilitator: 'animateur·rice',
    moderator: 'modérateur·rice',
    organizer: 'organisateur·rice',
    panel_member: 'membre du comité citoyen',
    authority: 'représentant·e de la collectivité',
    admin: 'administrateur·rice',
  },
  en: {
    resident: 'resident',
    facilitator: 'facilitator',
    moderator: 'moderator',
    organizer: 'organizer',
    panel_member: 'citizen panel member',
    authority: 'authority representative',
    admin: 'administrator',
  },
};

/** A role code in the reader's language (the code itself if unknown). */
const roleName = (role: unknown, locale: Locale): string => ROLE_NAMES[locale][role as Role] ?? String(role);

/** Sent by an administrator's role change (people feature). */
export const IDENTITY_NOTIFICATIONS = defineNotificationKinds({
  'role.granted': {
    fr: 'Vous avez maintenant le rôle {role}.',
    en: 'You now have the {role} role.',
    format: { role: roleName },
  },
  'role.revoked': {
    fr: 'Vous n’avez plus le rôle {role}.',
    en: 'You no longer have the {role} role.',
    format: { role: roleName },
  },
});
