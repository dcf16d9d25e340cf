import { Injectable } from '@nestjs/common';
import type { Lifecycle } from '@sesame/domain';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { ProblemException } from './problem.exception';

/** One move of a thing along its lifecycle (declared as data in the domain). */
export interface TransitionStep<Thing, Transition extends string, State extends string> {
  lifecycle: Lifecycle<Transition, State>;
  transition: Transition;
  /** Reads the thing inside the transaction, locking it (or checking a revision in `apply`); null when it does not exist. */
  lock(tx: PrismaTransaction): Promise<Thing | null>;
  notFound: string;
  stateOf(thing: Thing): State;
  /** The 422 detail when the move is not allowed from the thing's current state. */
  refusal(from: State): string;
  /** Writes the new state (and whatever goes with it). */
  apply(tx: PrismaTransaction, thing: Thing, to: State): Promise<void>;
  /** The audit entry, or entries, recording the move. */
  audit(thing: Thing, to: State): AuditRecord | AuditRecord[];
  /** Who to tell (inside the same transaction: no notice of a change that was rolled back). */
  notify?(tx: PrismaTransaction, thing: Thing, to: State): Promise<NewNotification<string>[]>;
}

/**
 * The one way a lifecycle transition runs, whatever the feature: in one
 * transaction, lock the thing, check the move against the domain's table (422
 * otherwise), apply it, record it in the hash-chained log and notify — all or
 * nothing. Pass `tx` to run it inside a larger transaction.
 */
@Injectable()
export class TransitionRunner {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async run<Thing, Transition extends string, State extends string>(step: TransitionStep<Thing, Transition, State>, tx?: PrismaTransaction): Promise<{ thing: Thing; to: State }> {
    if (!tx) return this.prisma.$transaction((inner) => this.run(step, inner));
    const thing = await step.lock(tx);
    if (!thing) throw ProblemException.notFound(step.notFound);
    const from = step.stateOf(thing);
    const to = step.lifecycle.target(step.transition, from);
    if (!to) throw ProblemException.ruleViolation(step.refusal(from));
    await step.apply(tx, thing, to);
    for (const record of [step.audit(thing, to)].flat()) await this.audit.record(tx, record);
    for (const notification of (await step.notify?.(tx, thing, to)) ?? []) await this.notifications.notify(tx, notification);
    return { thing, to };
  }
}
