import { Injectable } from '@nestjs/common';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

@Injectable()
export class SignInRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The account using `email`, if any: its id and language. */
  personWithEmail(email: string): Promise<{ id: string; locale: string } | null> {
    return this.prisma.person.findUnique({ where: { email }, select: { id: true, locale: true } });
  }

  async createLink(link: { tokenHash: string; email: string; personId: string | null; locale: string; expiresAt: Date; purpose?: 'sign_in' | 'email_change' }): Promise<void> {
    await this.prisma.signInLink.create({ data: link });
  }

  /**
   * Marks the link used and returns it — atomically: of two concurrent
   * attempts with the same link, exactly one gets it.
   */
  async consume(tx: PrismaTransaction, tokenHash: string, now: Date): Promise<{ email: string; locale: string } | null> {
    const rows = await tx.$queryRaw<{ email: string; locale: string }[]>`
      UPDATE sign_in_links SET used_at = ${now}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${now} AND purpose = 'sign_in'
      RETURNING email, locale`;
    return rows[0] ?? null;
  }

  /** Same, for a link confirming `personId`'s new address; returns that address. */
  async consumeEmailChange(tx: PrismaTransaction, tokenHash: string, personId: string, now: Date): Promise<string | null> {
    const rows = await tx.$queryRaw<{ email: string }[]>`
      UPDATE sign_in_links SET used_at = ${now}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${now}
        AND purpose = 'email_change' AND person_id = ${personId}::uuid
      RETURNING email`;
    return rows[0]?.email ?? null;
  }

  /** Links asked for before the person existed become theirs (so they appear in their data export, and go with their account). */
  async attachToPerson(tx: PrismaTransaction, email: string, personId: string): Promise<void> {
    await tx.signInLink.updateMany({ where: { email, personId: null }, data: { personId } });
  }

  async personOfOidcIdentity(tx: PrismaTransaction, issuer: string, subject: string) {
    const identity = await tx.oidcIdentity.findUnique({
      where: { issuer_subject: { issuer, subject } },
      include: { person: { include: { roles: { select: { role: true }, orderBy: { role: 'asc' } }, neighbourhood: true, verification: { include: { neighbourhood: true } } } } },
    });
    return identity && !identity.person.deletedAt ? identity.person : null;
  }

  async linkOidcIdentity(tx: PrismaTransaction, issuer: string, subject: string, personId: string): Promise<void> {
    // A deleted person's identity is re-pointed at the new account.
    await tx.oidcIdentity.upsert({ where: { issuer_subject: { issuer, subject } }, create: { issuer, subject, personId }, update: { personId } });
  }

  /** Expired links are useless: forget them (and the addresses they hold). */
  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.prisma.signInLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
    return count;
  }
}
