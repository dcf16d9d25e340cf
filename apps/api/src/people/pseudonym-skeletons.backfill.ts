import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PeopleRepository } from './people.repository';

/**
 * Gives every person the skeleton of their pseudonym when the API starts:
 * people created before the column existed (the migration cannot compute it:
 * the Unicode confusables live in packages/domain), or written by hand (the
 * demo seed). Until then a look-alike of their pseudonym could be taken. Two
 * existing look-alikes keep their names; the first one holds the skeleton,
 * which still keeps any third from joining them.
 */
@Injectable()
export class PseudonymSkeletonBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('PseudonymSkeletonBackfill');

  constructor(private readonly people: PeopleRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    // The API starts even when the database is away: the next start fills what is left.
    await this.fillMissing().catch((error: unknown) => this.logger.warn(`Pseudonym skeletons not filled: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Fills every missing skeleton it can. */
  async fillMissing(): Promise<void> {
    let lookAlikes = 0;
    const skipped = new Set<string>();
    for (;;) {
      const batch = (await this.people.peopleWithoutSkeleton(500 + skipped.size)).filter((person) => !skipped.has(person.id));
      if (batch.length === 0) break;
      for (const person of batch) {
        if (!(await this.people.fillSkeleton(person.id, person.pseudonym))) {
          skipped.add(person.id);
          lookAlikes++;
        }
      }
    }
    if (lookAlikes > 0) this.logger.warn(`${lookAlikes} pseudonym(s) look like an older one; they keep their name without holding its skeleton.`);
  }
}
