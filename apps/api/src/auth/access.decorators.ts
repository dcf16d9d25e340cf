import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Decision } from '@sesame/domain';

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
