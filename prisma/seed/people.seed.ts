import type { Role } from '../../apps/api/src/generated/prisma/client';
import type { SeedContext } from './seed-context';
import type { NeighbourhoodIds } from './territory.seed';

/**
 * Demo accounts, one per role (listed in the README). They exist only in
 * development: the seed refuses to create them when NODE_ENV=production.
 * Addresses use the reserved .test domain, so no message can leave.
 */
export const DEMO_ACCOUNTS: { pseudonym: string; email: string; roles: Role[]; neighbourhood?: keyof NeighbourhoodIds }[] = [
  { pseudonym: 'Admin de démonstration', email: 'admin@demo.sesame.test', roles: ['admin'] },
  { pseudonym: 'Service démocratie locale', email: 'organisation@demo.sesame.test', roles: ['organizer'] },
  { pseudonym: 'Modération', email: 'moderation@demo.sesame.test', roles: ['moderator'] },
  // A second moderator: an appeal is decided by someone other than the one who decided.
  { pseudonym: 'Modération, second regard', email: 'moderation2@demo.sesame.test', roles: ['moderator'] },
  { pseudonym: 'Association Numérique Solidaire', email: 'animation@demo.sesame.test', roles: ['facilitator'] },
  { pseudonym: 'Déléguée à la protection des données', email: 'mairie@demo.sesame.test', roles: ['authority'] },
  { pseudonym: 'Inès, membre du comité', email: 'comite@demo.sesame.test', roles: ['panel_member', 'resident'], neighbourhood: 'le-plateau' },
  { pseudonym: 'Camille de La Noue', email: 'camille@demo.sesame.test', roles: ['resident'], neighbourhood: 'la-noue' },
  { pseudonym: 'Yacine des Coteaux', email: 'yacine@demo.sesame.test', roles: ['resident'], neighbourhood: 'les-coteaux' },
  { pseudonym: 'Lucie du Centre ancien', email: 'lucie@demo.sesame.test', roles: ['resident'], neighbourhood: 'centre-ancien' },
];

export async function seedDemoPeople({ tx, audit }: SeedContext, neighbourhoods: NeighbourhoodIds): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const person = await tx.person.create({
      data: {
        pseudonym: account.pseudonym,
        email: account.email,
        locale: 'fr',
        neighbourhoodId: account.neighbourhood ? neighbourhoods[account.neighbourhood] : null,
        roles: { create: account.roles.map((role) => ({ role })) },
      },
    });
    // The log says who exists and which roles they hold, never their e-mail.
    await audit({ action: 'person.created', subjectType: 'person', subjectId: person.id, data: { demo: true } });
    for (const role of account.roles) {
      await audit({ action: 'role.granted', subjectType: 'person', subjectId: person.id, data: { role } });
    }
    // Demo residents are verified residents of their neighbourhood, so that they can support proposals at once.
    if (account.neighbourhood) {
      await tx.residentVerification.create({ data: { personId: person.id, neighbourhoodId: neighbourhoods[account.neighbourhood], method: 'census' } });
      await audit({ action: 'resident.verified', subjectType: 'person', subjectId: person.id, data: { method: 'census', demo: true }, visibility: 'restricted' });
    }
  }
}
