import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@sesame/domain';
import type { Request } from 'express';
import { ProblemException } from '../common/problem.exception';
import { PeopleRepository } from '../people/people.repository';
import { authorize } from '../common/authorize';
import { ACCESS_KEY, POLICY_KEY, SESSION_CHECKED_BY_ROUTE_KEY, SESSION_ENDED, type Access, type RoutePolicy, type UnconfirmedCaller } from './access.decorators';
import { ApiTokenVerifier } from './api-token.verifier';

/**
 * Global guard: every route needs a signed-in person unless marked @Public()
 * or @ServiceOnly(). A person's credential is only good while their
 * sessionVersion matches ("sign out everywhere" raises it) and their account exists.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: ApiTokenVerifier,
    private readonly people: PeopleRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'person';
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor; caller?: UnconfirmedCaller; sessionId?: string }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;

    if (!token) {
      if (access === 'public') return true;
      throw ProblemException.unauthorized('Connectez-vous pour continuer.');
    }
    const caller = await this.verifier.verify(token);
    if (!caller) throw ProblemException.unauthorized('Identifiants invalides ou expirés.');
    if (caller.kind === 'service') {
      if (access === 'person') throw ProblemException.unauthorized('Cette action demande une personne connectée.');
      return true;
    }
    if (access === 'service') throw ProblemException.forbidden('Réservé au serveur web de Sésame.');
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (access === 'person' && this.reflector.getAllAndOverride<boolean | undefined>(SESSION_CHECKED_BY_ROUTE_KEY, [context.getHandler(), context.getClass()])) {
      // The route's own statement confirms the account and session (access.decorators.ts); until then, no actor.
      if (policy) throw new Error('@SessionCheckedByRoute() cannot be combined with @RequirePolicy(): the guard has no roles to check.');
      request.caller = { personId: caller.personId, sessionVersion: caller.sessionVersion, sessionId: caller.sessionId ?? null };
      request.sessionId = caller.sessionId;
      return true;
    }
    const person = await this.people.findActor(caller.personId, caller.sessionId);
    if (!person || person.sessionVersion !== caller.sessionVersion || person.sessionEnded) throw SESSION_ENDED();
    request.actor = { id: person.id, roles: person.roles };
    request.sessionId = caller.sessionId;
    if (policy) authorize(policy(request.actor));
    return true;
  }
}
