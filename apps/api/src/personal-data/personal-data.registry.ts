import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { PersonalDataMarker, type PersonalDataProvider } from './personal-data.provider';

/** Every feature's PersonalDataProvider, found once the application's providers exist. */
@Injectable()
export class PersonalDataRegistry implements OnModuleInit {
  private found: PersonalDataProvider[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const providers = this.discovery
      .getProviders({ metadataKey: PersonalDataMarker.KEY })
      .map((wrapper) => wrapper.instance as PersonalDataProvider)
      .sort((a, b) => a.feature.localeCompare(b.feature));
    const features = providers.map((p) => p.feature);
    const twice = features.filter((feature, i) => features.indexOf(feature) !== i);
    if (twice.length > 0) throw new Error(`Two personal data providers for the feature(s) ${twice.join(', ')}`);
    for (const provider of providers) {
      const stray = provider.kept.filter((k) => !provider.tables.includes(k.table));
      if (stray.length > 0) throw new Error(`Personal data of ${provider.feature}: kept table(s) ${stray.map((k) => k.table).join(', ')} missing from its tables`);
    }
    this.found = providers;
  }

  /** In alphabetical order of feature. */
  providers(): readonly PersonalDataProvider[] {
    return this.found;
  }

  /** Every feature's part of the download, under its feature name. */
  async exportAll(personId: string): Promise<Record<string, Record<string, unknown>>> {
    const parts: Record<string, Record<string, unknown>> = {};
    for (const provider of this.found) parts[provider.feature] = await provider.export(personId);
    return parts;
  }

  /** Runs every feature's erasure in the caller's transaction (one after the other: one connection). */
  async eraseAll(tx: PrismaTransaction, personId: string): Promise<void> {
    for (const provider of this.found) await provider.erase(tx, personId);
  }
}
