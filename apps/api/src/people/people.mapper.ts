import { DELETED_ACCOUNT_NAME, formatVoterCode, workspacesFor, type Locale, type Me, type PersonSummary, type SessionPerson } from '@sesame/domain';
import type { PersonWithDetails } from './people.repository';

const locale = (value: string): Locale => (value === 'en' ? 'en' : 'fr');

/** How a deleted account appears wherever its contributions remain. */
export const DELETED_PSEUDONYM = DELETED_ACCOUNT_NAME;
export const displayPseudonym = (person: { pseudonym: string; deletedAt: Date | null }) => (person.deletedAt ? DELETED_PSEUDONYM : person.pseudonym);

/** `panelSeat`: an active panel seat is linked to the account (PeopleRepository.holdsActivePanelSeat). */
export function toMe(person: PersonWithDetails, panelSeat: boolean): Me {
  return {
    id: person.id,
    pseudonym: displayPseudonym(person),
    email: person.email,
    locale: locale(person.locale),
    neighbourhood: person.neighbourhood && {
      id: person.neighbourhood.id,
      slug: person.neighbourhood.slug,
      name: person.neighbourhood.name,
      population: person.neighbourhood.population,
    },
    roles: person.roles.map((r) => r.role),
    verification: person.verification && {
      neighbourhood: { id: person.verification.neighbourhood.id, slug: person.verification.neighbourhood.slug, name: person.verification.neighbourhood.name },
      method: person.verification.method,
      verifiedAt: person.verification.verifiedAt.toISOString(),
      voterCode: formatVoterCode(person.verification.voterCode),
    },
    createdAt: person.createdAt.toISOString(),
    welcomed: person.welcomedAt !== null,
    can: workspacesFor(person.deletedAt ? null : { id: person.id, roles: person.roles.map((r) => r.role) }),
    panelSeat: !person.deletedAt && panelSeat,
  };
}

export function toSummary(person: PersonWithDetails): PersonSummary {
  return {
    id: person.id,
    pseudonym: displayPseudonym(person),
    neighbourhood: person.neighbourhood?.name ?? null,
    roles: person.roles.map((r) => r.role),
    createdAt: person.createdAt.toISOString(),
  };
}

export function toSessionPerson(person: PersonWithDetails): SessionPerson {
  return {
    id: person.id,
    pseudonym: displayPseudonym(person),
    locale: locale(person.locale),
    roles: person.roles.map((r) => r.role),
    sessionVersion: person.sessionVersion,
  };
}
