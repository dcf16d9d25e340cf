import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Decision } from '@sesame/domain';
import { ProblemException } from '../common/problem.exception';

/** Who may call a route, checked by AuthGuard before the controller runs. */
export type Access = 'public' | 'person' | 'service';
export const ACCESS_KEY = 'sesame:access';

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);
/** The web server itself (sign-in), never a browser. */
export const ServiceOnly = () => SetMetadata(ACCESS_KEY, 'service' satisfies Access);
// Routes without a decorator require a signed-in person: deny by default.

export const POLICY_KEY = 'sesame:policy';
/**
 * A check the guard makes with the feature's policy before anything else, for
 * actions whose rule needs no record (a role): a refused caller learns nothing
 * from validation errors. Services still call the policy with the record in hand.
 */
export type RoutePolicy = (actor: Actor) => Decision;
export const RequirePolicy = (policy: RoutePolicy) => SetMetadata(POLICY_KEY, policy);

/** The browser session the caller's credential was signed for, when the web gave it one. */
export const CurrentSessionId = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  return context.switchToHttp().getRequest<{ sessionId?: string }>().sessionId;
});

/** The signed-in person (id and roles), or null on public routes. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? null;
});

/** The one answer for a credential whose account is gone, whose sessions were all ended, or whose browser session was. */
export const SESSION_ENDED = () => ProblemException.unauthorized('Votre session a pris fin : reconnectez-vous.');

export const SESSION_CHECKED_BY_ROUTE_KEY = 'sesame:session-checked-by-route';
/**
 * For a hot signed-in route only (casting a ballot: `npm run bench`): the
 * guard checks the credential (signature, issuer, age) but not the account
 * and browser session in the database — the route's own first statement does,
 * one round trip fewer. Fail-closed: on such a route the guard sets no actor,
 * so `@CurrentActor()` is null (a route that forgot the check serves no one);
 * `@CurrentCaller()` gives the credential's claims, which the route's
 * repository confirms against `people` and `ended_sessions` exactly as
 * PeopleRepository.findActor does, answering 401 with the guard's words.
 * Not with @RequirePolicy (no roles yet) nor on public or service routes.
 */
export const SessionCheckedByRoute = () => SetMetadata(SESSION_CHECKED_BY_ROUTE_KEY, true);

/** A well-signed person credential whose account and session are not confirmed yet (routes with @SessionCheckedByRoute). */
export interface UnconfirmedCaller {
  personId: string;
  sessionVersion: number;
  sessionId: string | null;
}

/** The credential's claims on a @SessionCheckedByRoute route (never null there: the guard lets no one else through). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): UnconfirmedCaller => {
  const caller = context.switchToHttp().getRequest<{ caller?: UnconfirmedCaller }>().caller;
  if (!caller) throw new Error('@CurrentCaller() on a route without @SessionCheckedByRoute().');
  return caller;
});
