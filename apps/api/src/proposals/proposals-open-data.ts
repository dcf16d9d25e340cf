import { Injectable } from '@nestjs/common';
import { DELETED_ACCOUNT_NAME, type ProposalState } from '@sesame/domain';
import type { AtomFeed } from '../open-data/atom';
import { openDataController, type OpenDataset } from '../open-data/open-data.controller';
import { ProposalsRepository } from './proposals.repository';

const FEED_SIZE = 50;

/** The CSV's columns, in order. */
const COLUMNS = ['reference', 'state', 'kind', 'title', 'author', 'dataUse', 'unlistedDataUse', 'body', 'why', 'expectedEffect', 'neighbourhoodId', 'supports', 'threshold', 'collectingUntil', 'submittedAt', 'updatedAt'] as const;

/** One proposal in the .json (and a row of the .csv). */
export interface ProposalOpenRecord {
  reference: string;
  state: ProposalState;
  kind: string;
  title: string;
  /** Pseudonym only. */
  author: string;
  dataUse: string | null;
  unlistedDataUse: string;
  body: string;
  why: string;
  expectedEffect: string;
  neighbourhoodId: string | null;
  supports: number;
  threshold: number | null;
  collectingUntil: string | null;
  submittedAt: string;
  updatedAt: string;
}

/** Public proposals as open data (drafts never; authors by pseudonym only). */
@Injectable()
export class ProposalsOpenDataService implements OpenDataset<ProposalOpenRecord> {
  constructor(private readonly repository: ProposalsRepository) {}

  async records(): Promise<ProposalOpenRecord[]> {
    const rows = await this.repository.allPublic();
    const names = await this.repository.names(rows.map((r) => r.authorId));
    return rows.map((row) => ({
      reference: row.reference,
      state: row.state,
      kind: row.kind,
      title: row.title,
      author: names.get(row.authorId) ?? DELETED_ACCOUNT_NAME,
      dataUse: row.dataUse?.reference ?? null,
      unlistedDataUse: row.unlistedDataUse,
      body: row.body,
      why: row.why,
      expectedEffect: row.expectedEffect,
      neighbourhoodId: row.neighbourhoodId,
      supports: row.supportCount,
      threshold: row.threshold,
      collectingUntil: row.collectingUntil?.toISOString() ?? null,
      submittedAt: row.submittedAt!.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  table(records: ProposalOpenRecord[]): string[][] {
    return [[...COLUMNS], ...records.map((record) => COLUMNS.map((column) => (record[column] === null ? '' : String(record[column]))))];
  }

  /** Each step of each public proposal's timeline. */
  async feed(): Promise<AtomFeed> {
    const events = await this.repository.latestEvents(FEED_SIZE);
    return {
      title: 'Sésame — propositions',
      description: 'Les étapes des propositions : dépôt, acceptation ou refus, objectif de soutiens atteint ou non, choix pour une consultation.',
      page: '/propositions',
      entries: events.map((event) => ({
        id: `/propositions/${event.proposal.reference}#${event.id}`,
        title: `${event.proposal.reference} — ${event.proposal.title} : ${STATE_LABELS[event.state]}`,
        link: `/propositions/${event.proposal.reference}`,
        date: event.createdAt,
        description: event.reason || STATE_LABELS[event.state],
      })),
    };
  }
}

const STATE_LABELS: Record<ProposalState, string> = {
  draft: 'brouillon',
  submitted: 'déposée',
  admissible: 'acceptée, ouverte aux soutiens',
  inadmissible: 'refusée',
  qualified: 'objectif de soutiens atteint',
  expired: 'objectif de soutiens non atteint',
  selected: 'choisie pour une consultation',
  not_selected: 'pas choisie pour une consultation',
  withdrawn: 'retirée par la personne qui l’a écrite',
};

/** /open-data/proposals.json, .csv and .atom. */
export const ProposalsOpenDataController = openDataController({ name: 'proposals', csvFilename: 'propositions.csv' }, ProposalsOpenDataService);
