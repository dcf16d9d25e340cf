import { Injectable } from '@nestjs/common';
import type { AuditHead } from '@sesame/domain';
import type { AtomFeed } from '../open-data/atom';
import { openDataController, type OpenDataset } from '../open-data/open-data.controller';
import { AuditRepository } from './audit.repository';

const FEED_SIZE = 50;
const COLUMNS = ['seq', 'hash', 'publishedAt'] as const;

/** Also the `description` of audit-heads.json. */
export const AUDIT_HEADS_DESCRIPTION =
  'Têtes de la chaîne du journal public, publiées chaque heure quand le journal a changé : numéro et empreinte de la dernière entrée. ' +
  'Gardez-en une copie : si quelqu’un réécrivait un jour l’histoire du journal, même en recalculant toutes les empreintes, ' +
  '« npm run audit:verify -- --head numéro:empreinte » le détecterait.';

/** The published chain heads as open data: /open-data/audit-heads.json, .csv and .atom. */
@Injectable()
export class AuditHeadsOpenDataService implements OpenDataset<AuditHead> {
  constructor(private readonly repository: AuditRepository) {}

  async records(): Promise<AuditHead[]> {
    return (await this.repository.findAllPublishedHeads()).map((row) => ({ seq: row.seq, hash: row.hash, publishedAt: row.publishedAt.toISOString() }));
  }

  about(): object {
    return { description: AUDIT_HEADS_DESCRIPTION };
  }

  table(records: AuditHead[]): string[][] {
    return [[...COLUMNS], ...records.map((record) => COLUMNS.map((column) => String(record[column])))];
  }

  async feed(): Promise<AtomFeed> {
    const heads = await this.repository.findAllPublishedHeads(FEED_SIZE);
    return {
      title: 'Sésame — têtes de la chaîne du journal',
      description: AUDIT_HEADS_DESCRIPTION,
      page: '/journal',
      entries: heads.map((head) => ({
        id: `/journal#tete-${head.seq}`,
        title: `Entrée n° ${head.seq} : ${head.hash}`,
        link: '/journal',
        date: head.publishedAt,
        description:
          `À ${head.publishedAt.toISOString()}, la dernière entrée du journal était la n° ${head.seq}, d’empreinte ${head.hash}. ` +
          `Pour vérifier plus tard que l’histoire jusqu’à elle n’a pas été réécrite : npm run audit:verify -- --head ${head.seq}:${head.hash}`,
      })),
    };
  }
}

/** /open-data/audit-heads.json, .csv and .atom. */
export const AuditHeadsOpenDataController = openDataController({ name: 'audit-heads', csvFilename: 'journal-tetes-de-chaine.csv' }, AuditHeadsOpenDataService);
