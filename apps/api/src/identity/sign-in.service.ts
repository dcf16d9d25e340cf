import { Inject, Injectable } from '@nestjs/common';
import type { OidcLink, SessionPerson, SignInLinkRequest } from '@sesame/domain';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { MailService } from '../mail/mail.service';
import { toSessionPerson } from '../people/people.mapper';
import { PeopleRepository, type PersonWithDetails } from '../people/people.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import { signInMail } from './sign-in.mail';
import { hashLinkToken, newLinkToken } from './email-link-token';
import { SignInRepository } from './sign-in.repository';

export const SIGN_IN_LINK_MINUTES = 15;


@Injectable()
export class SignInService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly prisma: PrismaService,
    private readonly links: SignInRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** E-mails a single-use link. Says nothing about whether the address is known. */
  async requestLink(request: SignInLinkRequest, ip: string): Promise<void> {
    await this.rateLimits.consume(LIMITS.signInPerIp, ip);
    await this.rateLimits.consume(LIMITS.signInPerEmail, request.email);
    const token = newLinkToken();
    const person = await this.links.personWithEmail(request.email);
    // A known person gets the e-mail in their own language.
    const locale = person?.locale === 'en' || (!person && request.locale === 'en') ? 'en' : 'fr';
    await this.links.createLink({
      tokenHash: hashLinkToken(token),
      email: request.email,
      personId: person?.id ?? null,
      locale,
      expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
    });
    const url = new URL('/connexion/lien', this.config.WEB_ORIGIN);
    url.searchParams.set('token', token);
    // Where the person was when they asked to sign in (a record they wanted to follow…).
    if (request.returnTo && request.returnTo !== '/') url.searchParams.set('retour', request.returnTo);
    await this.mail.send({ to: request.email, language: locale, ...signInMail(locale, url.toString(), SIGN_IN_LINK_MINUTES) });
  }

  /** Trades a link for the person it signs in (created on first sign-in). */
  async consume(token: string): Promise<SessionPerson> {
    return this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const link = await this.links.consume(tx, hashLinkToken(token), now);
      if (!link) throw ProblemException.unauthorized('Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau.');
      const person = (await this.people.findByEmail(tx, link.email)) ?? (await this.createPerson(tx, link.email, link.locale));
      await this.links.attachToPerson(tx, link.email, person.id);
      return this.signedIn(tx, person, link.email, now);
    });
  }

  /**
   * Signs in the person an OpenID Connect provider vouched for: the one already
   * linked to that (issuer, subject); else the account with that address if
   * the provider verified it; else a new person.
   */
  async linkOidc(identity: OidcLink): Promise<SessionPerson> {
    return this.prisma.$transaction(async (tx) => {
      const verifiedEmail = identity.emailVerified ? (identity.email ?? null) : null;
      let person = await this.links.personOfOidcIdentity(tx, identity.issuer, identity.subject);
      if (!person) {
        person = (verifiedEmail && (await this.people.findByEmail(tx, verifiedEmail))) || (await this.createPerson(tx, verifiedEmail, identity.locale));
        await this.links.linkOidcIdentity(tx, identity.issuer, identity.subject, person.id);
        await this.audit.record(tx, { actorId: person.id, action: 'person.identity-linked', subjectType: 'person', subjectId: person.id, visibility: 'restricted', data: { issuer: identity.issuer } });
      }
      return this.signedIn(tx, person, verifiedEmail, new Date());
    });
  }

  /** Common end of every sign-in: first admins from ADMIN_EMAILS, last sign-in time. */
  private async signedIn(tx: PrismaTransaction, person: PersonWithDetails, email: string | null, now: Date): Promise<SessionPerson> {
    if (email && this.config.ADMIN_EMAILS.includes(email) && (await this.people.grantRole(tx, person.id, 'admin'))) {
      await this.audit.record(tx, { actorId: null, action: 'role.granted', subjectType: 'person', subjectId: person.id, data: { role: 'admin', reason: 'ADMIN_EMAILS' } });
    }
    return toSessionPerson(await this.people.update(tx, person.id, { lastSignInAt: now }));
  }

  /**
   * A new person starts as a resident with a neutral pseudonym, not welcomed
   * yet: the web's welcome page offers to choose a pseudonym (or keep this one).
   * « Participant 12345 » is the same word in French and English (others read
   * it in either language), with no middle dot for screen readers to spell out.
   */
  private async createPerson(tx: PrismaTransaction, email: string | null, locale: string): Promise<PersonWithDetails> {
    for (;;) {
      const pseudonym = `Participant ${randomInt(10_000, 100_000)}`;
      if (await this.people.pseudonymTaken(tx, pseudonym, '00000000-0000-0000-0000-000000000000')) continue;
      const person = await this.people.create(tx, { pseudonym, email, locale, welcomedAt: null });
      await this.audit.record(tx, { actorId: person.id, action: 'person.created', subjectType: 'person', subjectId: person.id, data: {} });
      await this.audit.record(tx, { actorId: null, action: 'role.granted', subjectType: 'person', subjectId: person.id, data: { role: 'resident' } });
      return person;
    }
  }
}
