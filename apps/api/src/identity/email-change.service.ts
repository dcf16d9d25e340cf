import { Inject, Injectable } from '@nestjs/common';
import { canOnIdentity, type Actor, type Me } from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { MailService } from '../mail/mail.service';
import { toMe } from '../people/people.mapper';
import { PeopleRepository } from '../people/people.repository';
import { PrismaService } from '../prisma/prisma.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import { emailChangeMail, emailInUseMail } from './sign-in.mail';
import { hashLinkToken, newLinkToken } from './email-link-token';
import { SignInRepository } from './sign-in.repository';

const CONFIRMATION_MINUTES = 60;

/**
 * Changing my e-mail: the new address must confirm, through a link sent to it.
 *
 * The answer never says whether the new address belongs to another account
 * (that would let anyone test addresses). Whatever the case, the request is
 * accepted the same way and an e-mail goes to the new address: the
 * confirmation link when the address is free; otherwise a warning to its
 * owner that someone tried to use it, with no link. Only whoever reads that
 * mailbox learns anything, and they own the address. (Writing to the
 * requester instead, "if the address is free you will receive a link", would
 * tell a stranger nothing either, but leaves the owner unaware of the attempt.)
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly prisma: PrismaService,
    private readonly links: SignInRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async request(actor: Actor, email: string, ip: string): Promise<void> {
    const me = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    await this.rateLimits.consumeEach([
      [LIMITS.emailChangePerIp, ip],
      [LIMITS.emailChangePerPerson, me.id],
      // The mailbox receiving the messages is protected like a sign-in address.
      [LIMITS.signInPerEmail, email],
    ]);
    const person = await this.people.findWithDetails(me.id);
    if (!person) throw ProblemException.unauthorized('Votre compte n’existe plus.');
    // My own address reveals nothing about anyone else.
    if (person.email === email) throw ProblemException.ruleViolation('C’est déjà votre adresse.', [{ path: 'email', code: 'unchanged', message: 'C’est déjà votre adresse.' }]);
    const owner = await this.people.emailOwner(email, person.id);
    if (owner) {
      await this.mail.send({ to: email, language: owner.locale, ...emailInUseMail(owner.locale) });
      return;
    }
    const token = newLinkToken();
    const locale = person.locale === 'en' ? 'en' : 'fr';
    await this.links.createLink({ tokenHash: hashLinkToken(token), email, personId: person.id, locale, purpose: 'email_change', expiresAt: new Date(Date.now() + CONFIRMATION_MINUTES * 60_000) });
    const url = new URL('/compte/confirmer-adresse', this.config.WEB_ORIGIN);
    url.searchParams.set('token', token);
    await this.mail.send({ to: email, language: locale, ...emailChangeMail(locale, url.toString(), CONFIRMATION_MINUTES) });
  }

  async confirm(actor: Actor, token: string): Promise<Me> {
    const me = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    return this.prisma.$transaction(async (tx) => {
      const email = await this.links.consumeEmailChange(tx, hashLinkToken(token), me.id, new Date());
      if (!email) throw ProblemException.ruleViolation('Ce lien de confirmation a expiré, a déjà servi ou concerne un autre compte.');
      if (await this.people.emailTaken(tx, email, me.id)) throw ProblemException.conflict('Cette adresse est déjà utilisée par un autre compte.');
      const person = await this.people.update(tx, me.id, { email });
      // Restricted: addresses never appear in the public log, not even the fact's details.
      await this.audit.record(tx, { actorId: me.id, action: 'person.email-changed', subjectType: 'person', subjectId: me.id, visibility: 'restricted', data: {} });
      return toMe(person, await this.people.holdsActivePanelSeat(me.id, tx));
    });
  }
}
