import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** E-mail links sent to the person and identities linked at an OpenID Connect provider. */
@ProvidesPersonalData()
@Injectable()
export class IdentityPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'identity';
  readonly tables = ['sign_in_links', 'oidc_identities'];
  readonly kept = [];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    // Never the token hashes: they are the links' secrets. The address each went to is
    // the person's: for an e-mail change, the new address they asked for.
    const links = await this.prisma.signInLink.findMany({ where: { personId }, select: { purpose: true, email: true, locale: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: 'asc' } });
    const identities = await this.prisma.oidcIdentity.findMany({ where: { personId }, select: { issuer: true, subject: true, createdAt: true }, orderBy: { createdAt: 'asc' } });
    return {
      emailLinks: links.map((link) => ({
        purpose: link.purpose,
        sentTo: link.email,
        locale: link.locale,
        createdAt: link.createdAt.toISOString(),
        expiresAt: link.expiresAt.toISOString(),
        usedAt: link.usedAt?.toISOString() ?? null,
      })),
      linkedIdentities: identities.map((identity) => ({ issuer: identity.issuer, subject: identity.subject, linkedAt: identity.createdAt.toISOString() })),
    };
  }

  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.signInLink.deleteMany({ where: { personId } });
    await tx.oidcIdentity.deleteMany({ where: { personId } });
  }
}
