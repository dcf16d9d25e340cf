import type { Locale, Me, PersonSummary, SessionPerson } from '@sesame/domain';
import type { PersonWithDetails } from './people.repository';

const locale = (value: string): Locale => (value === 'en' ? 'en' : 'fr');

export function toMe(person: PersonWithDetails): Me {
  return {
    id: person.id,
    pseudonym: person.pseudonym,
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
    },
    createdAt: person.createdAt.toISOString(),
  };
}

export function toSummary(person: PersonWithDetails): PersonSummary {
  return {
    id: person.id,
    pseudonym: person.pseudonym,
    neighbourhood: person.neighbourhood?.name ?? null,
    roles: person.roles.map((r) => r.role),
    createdAt: person.createdAt.toISOString(),
  };
}

export function toSessionPerson(person: PersonWithDetails): SessionPerson {
  return {
    id: person.id,
    pseudonym: person.pseudonym,
    locale: locale(person.locale),
    roles: person.roles.map((r) => r.role),
    sessionVersion: person.sessionVersion,
  };
}
