import { allow, policyOf, refuse, SIGN_IN, type Decision } from '../common/policy';
import { canOnDataUse } from '../data-uses/data-use.policy';
import type { Actor, Person } from '../identity/identity.policy';
import { canOnProposal } from '../proposals/proposal.policy';
import { canOnVerification } from '../verification/verification.policy';

/**
 * The organizers' work, area by area: each area is open to whoever its own
 * feature's policy lets do that work (the same rules as the area's pages and
 * routes), and its counts are shown only to them.
 */
export const WORK_AREAS = {
  /** Proposals waiting for a decision (admissibility, selection). */
  proposals: (actor: Actor) => canOnProposal('proposals.organize', { actor }),
  /** Register records due for review or past their sunset date, and drafts (editors read drafts). */
  register: (actor: Actor) => canOnDataUse('data-uses.read-withheld', { actor }),
  /** Residents to verify: accounts not verified yet, invitation codes not used yet. */
  verification: (actor: Actor) => canOnVerification('verification.manage', { actor }),
} as const satisfies Record<string, (actor: Actor) => Decision>;
export type WorkArea = keyof typeof WORK_AREAS;
export const WORK_AREA_NAMES = Object.keys(WORK_AREAS) as WorkArea[];

type DashboardContexts = {
  /** The organizers' page (/organisation) and its counts: open to anyone who may work in at least one area. */
  'dashboard.view': { actor: Actor };
};
export type DashboardAction = keyof DashboardContexts;

export const canOnDashboard = policyOf<DashboardContexts, DashboardAction>({
  'dashboard.view': ({ actor }): Decision<Person> => {
    if (!actor) return SIGN_IN;
    return WORK_AREA_NAMES.some((area) => WORK_AREAS[area](actor).allowed) ? allow(actor) : refuse('forbidden', 'Réservé aux personnes qui organisent la plateforme ou tiennent le registre.');
  },
});
