import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import { dataUseLifecycle, lifecycleTransitionRefusal, type LifecycleStatus, type LifecycleTransition } from './data-use.lifecycle';

/** What the rules need to know about a record. */
export type DataUseFacts = { reference: string; state: 'draft' | 'published'; status: LifecycleStatus };

type DataUseContexts = {
  /** Reading a record, its versions and diffs: published ones are public, drafts only for editors. */
  'data-uses.view': { actor: Actor; dataUse: DataUseFacts };
  /** Reading withheld (redacted) fields and listing drafts. */
  'data-uses.read-withheld': { actor: Actor };
  'data-uses.create': { actor: Actor };
  /** Editing (a draft in place, a published record by a new version) and publishing a draft. */
  'data-uses.edit': { actor: Actor; dataUse: DataUseFacts };
  /** Suspending or retiring a published record, with a published reason. */
  'data-uses.transition': { actor: Actor; dataUse: DataUseFacts; transition: LifecycleTransition };
  'data-uses.follow': { actor: Actor; dataUse: DataUseFacts };
  'data-uses.unfollow': { actor: Actor; dataUse: DataUseFacts };
};
export type DataUseAction = keyof DataUseContexts;

/** Organizers, the authority's staff and admins write the register. */
const EDITORS = ['organizer', 'authority', 'admin'] as const;

function editor(actor: Actor): Decision<Person> {
  if (!actor) return SIGN_IN;
  return holdsAnyRole(actor, EDITORS) ? allow(actor) : refuse('forbidden', 'Réservé à l’équipe d’organisation et aux personnes qui représentent la ville.');
}

function view(actor: Actor, dataUse: DataUseFacts): Decision {
  return dataUse.state === 'published' || holdsAnyRole(actor, EDITORS) ? allow(actor) : refuse('not_visible', `Aucun usage de données ${dataUse.reference}.`);
}

/** The rules of the register, one per action. Lifecycle moves themselves are in data-use.lifecycle.ts. */
export const canOnDataUse = policyOf<DataUseContexts, Exclude<DataUseAction, 'data-uses.view'>>({
  'data-uses.view': ({ actor, dataUse }) => view(actor, dataUse),
  'data-uses.read-withheld': ({ actor }) => editor(actor),
  'data-uses.create': ({ actor }) => editor(actor),
  'data-uses.edit': ({ actor }) => editor(actor),

  'data-uses.transition': ({ actor, dataUse, transition }) => {
    const allowed = editor(actor);
    if (!allowed.allowed) return allowed;
    if (dataUse.state !== 'published') return refuse('wrong_state', 'Un brouillon ne se suspend ni ne s’arrête : il n’est pas encore publié.');
    if (!dataUseLifecycle.target(transition, dataUse.status)) return refuse('wrong_state', lifecycleTransitionRefusal(transition, dataUse.status));
    return allowed;
  },

  // Any signed-in person follows a published record.
  'data-uses.follow': ({ actor, dataUse }) => {
    if (!actor) return refuse('sign_in', 'Connectez-vous pour suivre cette fiche.');
    const visible = view(actor, dataUse);
    if (!visible.allowed) return visible;
    return dataUse.state === 'published' ? allow(actor) : refuse('wrong_state', 'Seules les fiches publiées peuvent être suivies.');
  },

  'data-uses.unfollow': ({ actor, dataUse }) => {
    if (!actor) return SIGN_IN;
    const visible = view(actor, dataUse);
    return visible.allowed ? allow(actor) : visible;
  },
});

/** What a record's reader may do with it (`viewer.can` of a record). */
export const DATA_USE_VIEWER_ACTIONS = ['data-uses.edit', 'data-uses.read-withheld', 'data-uses.follow', 'data-uses.unfollow'] as const;
export const DataUsePermissionsSchema = permissionsSchema(DATA_USE_VIEWER_ACTIONS, 'DataUsePermissions');
