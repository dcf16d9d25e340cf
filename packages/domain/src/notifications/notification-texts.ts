import type { Locale } from '../identity/identity.schema';

type Data = Record<string, unknown>;

const roleNames: Record<Locale, Record<string, string>> = {
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

/** One sentence per kind of notification: the notifications page and the e-mails say the same thing. */
export function notificationText(kind: string, data: Data, locale: Locale): string {
  const role = roleNames[locale][String(data.role)] ?? String(data.role);
  const fr: Record<string, string> = {
    'role.granted': `Vous avez maintenant le rôle ${role}.`,
    'role.revoked': `Vous n’avez plus le rôle ${role}.`,
    'resident.verified': `Vous êtes reconnu·e comme habitant·e du quartier ${String(data.neighbourhood)}. Vous pouvez soutenir des propositions et voter.`,
    'proposal.admissible': `Votre proposition « ${String(data.title)} » est recevable : elle recueille maintenant des soutiens.`,
    'proposal.inadmissible': `Votre proposition « ${String(data.title)} » n’est pas recevable : ${String(data.reason)}`,
    'proposal.qualified': `Votre proposition « ${String(data.title)} » a atteint son seuil de soutiens : elle est qualifiée.`,
    'proposal.expired': `Le recueil des soutiens de « ${String(data.title)} » est clos sans atteindre le seuil.`,
    'proposal.selected': `La proposition « ${String(data.title)} » est retenue pour une consultation publique.`,
    'proposal.not_selected': `La proposition « ${String(data.title)} » n’est pas retenue : ${String(data.reason)}`,
    'proposal.withdrawn': `La proposition « ${String(data.title)} » a été retirée par son auteur.`,
    'data-use.updated': `La fiche ${String(data.reference)} « ${String(data.title)} » a une nouvelle version (${String(data.version)}) : ${String(data.changeNote)}`,
    'data-use.suspended': `L’usage ${String(data.reference)} « ${String(data.title)} » est suspendu : ${String(data.reason)}`,
    'data-use.retired': `L’usage ${String(data.reference)} « ${String(data.title)} » est retiré : ${String(data.reason)}`,
    'data-use.review-overdue': `La révision de l’usage ${String(data.reference)} « ${String(data.title)} » est en retard (prévue le ${String(data.dueDate)}).`,
    'data-use.sunset-passed': `L’usage ${String(data.reference)} « ${String(data.title)} » a dépassé sa date d’arrêt (${String(data.dueDate)}) sans être renouvelé.`,
  };
  const en: Record<string, string> = {
    'role.granted': `You now have the ${role} role.`,
    'role.revoked': `You no longer have the ${role} role.`,
    'resident.verified': `You are now a verified resident of ${String(data.neighbourhood)}. You can support proposals and vote.`,
    'proposal.admissible': `Your proposal “${String(data.title)}” is admissible: it now collects supports.`,
    'proposal.inadmissible': `Your proposal “${String(data.title)}” is not admissible: ${String(data.reason)}`,
    'proposal.qualified': `Your proposal “${String(data.title)}” reached its support threshold: it qualifies.`,
    'proposal.expired': `Support collection for “${String(data.title)}” closed below the threshold.`,
    'proposal.selected': `The proposal “${String(data.title)}” was selected for a public consultation.`,
    'proposal.not_selected': `The proposal “${String(data.title)}” was not selected: ${String(data.reason)}`,
    'proposal.withdrawn': `The proposal “${String(data.title)}” was withdrawn by its author.`,
    'data-use.updated': `The record ${String(data.reference)} “${String(data.title)}” has a new version (${String(data.version)}): ${String(data.changeNote)}`,
    'data-use.suspended': `The data use ${String(data.reference)} “${String(data.title)}” is suspended: ${String(data.reason)}`,
    'data-use.retired': `The data use ${String(data.reference)} “${String(data.title)}” is retired: ${String(data.reason)}`,
    'data-use.review-overdue': `The review of ${String(data.reference)} “${String(data.title)}” is overdue (due ${String(data.dueDate)}).`,
    'data-use.sunset-passed': `${String(data.reference)} “${String(data.title)}” passed its sunset date (${String(data.dueDate)}) without renewal.`,
  };
  return (locale === 'en' ? en : fr)[kind] ?? (locale === 'en' ? 'Something new on Sésame.' : 'Du nouveau sur Sésame.');
}
