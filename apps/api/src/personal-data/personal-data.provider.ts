import { DiscoveryService } from '@nestjs/core';
import type { PrismaTransaction } from '../prisma/prisma.service';

/** Rows tied to a person that account deletion keeps on purpose, and why. */
export interface KeptOnDeletion {
  table: string;
  reason: string;
}

/**
 * What one feature stores about a person, for "download my data" (GDPR art. 15
 * and 20) and account deletion (art. 17). Each feature contributes one, in its
 * own folder, as a `*-personal-data.repository.ts` marked `@ProvidesPersonalData()`
 * and listed in its module's providers. `personal-data-coverage.e2e-spec.ts`
 * fails when a table holding person ids is listed by no provider.
 */
export interface PersonalDataProvider {
  /** The feature's folder name: its part of the download appears under this key. */
  readonly feature: string;
  /** Every SQL table where the feature keeps person ids (or the person's row itself). */
  readonly tables: readonly string[];
  /** Tables of `tables` where deletion leaves rows tied to the person, with the reason. */
  readonly kept: readonly KeptOnDeletion[];
  /**
   * What the feature holds about the person, readable by them (dates as ISO
   * strings). The readable download names each category and field in plain
   * words (apps/web/messages/people, `PersonalData`): the coverage test fails
   * on one without them.
   */
  export(personId: string): Promise<Record<string, unknown>>;
  /** Removes or unlinks what identifies the person, inside the deletion's transaction. */
  erase(tx: PrismaTransaction, personId: string): Promise<void>;
}

/**
 * Marks a class for the registry. Nest has no multi-providers, so the registry
 * finds marked providers through DiscoveryService; the signature only accepts
 * classes that implement PersonalDataProvider.
 */
export const PersonalDataMarker = DiscoveryService.createDecorator<true>();

export function ProvidesPersonalData(): (target: abstract new (...args: never[]) => PersonalDataProvider) => void {
  return (target) => PersonalDataMarker(true)(target);
}
