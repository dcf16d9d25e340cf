import { Injectable } from '@nestjs/common';
import { DELETED_ACCOUNT_NAME, ILLEGAL_CONTENT, type DecisionGround } from '@sesame/domain';
import type { AtomFeed } from '../open-data/atom';
import { openDataController, type OpenDataset } from '../open-data/open-data.controller';
import { DeliberationsRepository, type DecisionRow } from './deliberations.repository';
import { publicStatementOf } from './deliberations.service';

const FEED_SIZE = 50;
/** A tombstone's text and author are never published: only its state and, for moderation, the reason. */
const TOMBSTONE_STATES = new Set(['hidden_automatically', 'hidden', 'rejected', 'deleted_by_author']);

const CONTRIBUTION_COLUMNS = ['id', 'deliberationId', 'subjectReference', 'parentId', 'depth', 'stance', 'state', 'origin', 'author', 'body', 'edited', 'moderationNotice', 'helpful', 'createdAt', 'tombstoneReason', 'workshopDate', 'workshopPlace', 'facilitator', 'sheetNumber'] as const;

/** One public contribution; a tombstone keeps its place in the thread without its text or author. */
export interface ContributionOpenRecord {
  id: string;
  deliberationId: string;
  subjectReference: string;
  parentId: string | null;
  depth: number;
  stance: string;
  state: string;
  /** online, or workshop (recorded by a facilitator from a workshop or a paper sheet). */
  origin: string;
  /** Pseudonym or workshop attribution; null for a tombstone. */
  author: string | null;
  body: string | null;
  edited: boolean;
  moderationNotice: string | null;
  helpful: number;
  createdAt: string;
  /** For a tombstone: deleted by its author, or the moderation's published reason. */
  tombstoneReason: string | null;
  workshopDate: string | null;
  workshopPlace: string | null;
  facilitator: string | null;
  sheetNumber: string | null;
}

interface WorkshopJson {
  workshopDate?: string;
  place?: string;
  facilitator?: string;
  sheetNumber?: string | number;
  attribution?: string;
}

/** Public contributions of every space whose subject is public, as open data. */
@Injectable()
export class ContributionsOpenDataService implements OpenDataset<ContributionOpenRecord> {
  constructor(private readonly repository: DeliberationsRepository) {}

  async records(): Promise<ContributionOpenRecord[]> {
    const [rows, decisions] = await Promise.all([this.repository.publicContributions(), this.repository.allDecisions()]);
    const spaces = await publicSpaces(this.repository, rows.map((row) => row.deliberationId));
    const names = await this.repository.names(rows.map((row) => row.authorId));
    const latest = new Map<string, DecisionRow>();
    for (const decision of decisions) if (decision.contributionId) latest.set(decision.contributionId, decision);
    return rows.flatMap((row) => {
      const subjectReference = spaces.get(row.deliberationId);
      if (subjectReference === undefined) return [];
      const tombstone = TOMBSTONE_STATES.has(row.state);
      const workshop = row.origin === 'workshop' ? ((row.workshop ?? {}) as WorkshopJson) : null;
      const decision = latest.get(row.id);
      return [
        {
          id: row.id,
          deliberationId: row.deliberationId,
          subjectReference,
          parentId: row.parentId,
          depth: row.depth,
          stance: row.stance,
          state: row.state,
          origin: row.origin,
          author: tombstone ? null : workshop ? (workshop.attribution ?? '') : (names.get(row.authorId ?? '') ?? DELETED_ACCOUNT_NAME),
          body: tombstone ? null : row.body,
          edited: row.edited,
          moderationNotice: row.moderationNotice,
          helpful: row.helpfulCount,
          createdAt: row.createdAt.toISOString(),
          tombstoneReason: !tombstone ? null : row.state === 'deleted_by_author' ? 'Supprimée par son auteur.' : decision ? reasonOf(decision) : null,
          workshopDate: workshop?.workshopDate ?? null,
          workshopPlace: workshop?.place ?? null,
          facilitator: workshop?.facilitator ?? null,
          sheetNumber: workshop?.sheetNumber === undefined ? null : String(workshop.sheetNumber),
        },
      ];
    });
  }

  table(records: ContributionOpenRecord[]): string[][] {
    return [[...CONTRIBUTION_COLUMNS], ...records.map((record) => CONTRIBUTION_COLUMNS.map((column) => (record[column] === null ? '' : String(record[column]))))];
  }

  async feed(): Promise<AtomFeed> {
    const records = (await this.records()).filter((record) => record.body !== null).slice(-FEED_SIZE).reverse();
    return {
      title: 'Sésame — contributions aux débats',
      description: 'Les dernières contributions publiques des espaces de délibération, en ligne et recueillies en atelier.',
      page: '/propositions',
      entries: records.map((record) => ({
        id: `/propositions/${record.subjectReference}/debat#${record.id}`,
        title: `${record.subjectReference} — ${record.author ?? ''} (${record.stance})`,
        link: `/propositions/${record.subjectReference}/debat`,
        date: new Date(record.createdAt),
        description: record.body ?? '',
      })),
    };
  }
}

const LOG_COLUMNS = ['id', 'deliberationId', 'subjectReference', 'contributionId', 'decision', 'ground', 'facts', 'automatic', 'suspendedUntil', 'decidedAt', 'appealOutcome', 'appealDecidedAt', 'appealFacts', 'contributionOrigin', 'workshopDate', 'workshopPlace', 'sheetNumber'] as const;

/** A statement of reasons as published: never the hidden text, never who was concerned. */
export interface ModerationLogOpenRecord {
  id: string;
  deliberationId: string;
  subjectReference: string;
  contributionId: string | null;
  decision: string;
  ground: string;
  facts: string;
  automatic: boolean;
  suspendedUntil: string | null;
  decidedAt: string;
  appealOutcome: string | null;
  appealDecidedAt: string | null;
  appealFacts: string | null;
  /** Where the contribution concerned came from: online, or a workshop (with its provenance). */
  contributionOrigin: string | null;
  workshopDate: string | null;
  workshopPlace: string | null;
  sheetNumber: string | null;
}

/** The public moderation log of every public space, as open data (JSON, CSV, Atom). */
@Injectable()
export class ModerationLogOpenDataService implements OpenDataset<ModerationLogOpenRecord> {
  constructor(private readonly repository: DeliberationsRepository) {}

  async records(): Promise<ModerationLogOpenRecord[]> {
    const decisions = await this.repository.allDecisions();
    const spaces = await publicSpaces(this.repository, decisions.map((d) => d.deliberationId));
    const origins = await this.repository.origins(decisions.flatMap((d) => (d.contributionId ? [d.contributionId] : [])));
    return decisions.flatMap((decision) => {
      const subjectReference = spaces.get(decision.deliberationId);
      if (subjectReference === undefined) return [];
      const statement = publicStatementOf(decision);
      const origin = decision.contributionId ? origins.get(decision.contributionId) : undefined;
      const workshop = origin?.origin === 'workshop' ? ((origin.workshop ?? {}) as WorkshopJson) : null;
      return [
        {
          id: statement.id,
          deliberationId: statement.deliberationId,
          subjectReference,
          contributionId: statement.contributionId,
          decision: statement.decision,
          ground: groundOf(statement.ground),
          facts: statement.facts,
          automatic: statement.automatic,
          suspendedUntil: statement.suspendedUntil,
          decidedAt: statement.decidedAt,
          appealOutcome: statement.appeal?.outcome ?? null,
          appealDecidedAt: statement.appeal?.decidedAt ?? null,
          appealFacts: statement.appeal?.facts ?? null,
          contributionOrigin: origin?.origin ?? null,
          workshopDate: workshop?.workshopDate ?? null,
          workshopPlace: workshop?.place ?? null,
          sheetNumber: workshop?.sheetNumber === undefined ? null : String(workshop.sheetNumber),
        },
      ];
    });
  }

  table(records: ModerationLogOpenRecord[]): string[][] {
    return [[...LOG_COLUMNS], ...records.map((record) => LOG_COLUMNS.map((column) => (record[column] === null ? '' : String(record[column]))))];
  }

  async feed(): Promise<AtomFeed> {
    const records = (await this.records()).slice(-FEED_SIZE).reverse();
    return {
      title: 'Sésame — journal de modération',
      description: 'Les décisions de modération et leurs motifs, sans le texte masqué.',
      page: '/moderation',
      entries: records.map((record) => ({
        id: `/moderation#${record.id}`,
        title: `${record.subjectReference} — ${record.decision}${record.automatic ? ' (automatique)' : ''}`,
        link: '/moderation',
        date: new Date(record.decidedAt),
        description: [record.ground, record.facts].filter(Boolean).join(' — '),
      })),
    };
  }
}

/** The spaces whose subject visitors may see, with their subject's reference. */
async function publicSpaces(repository: DeliberationsRepository, spaceIds: string[]): Promise<Map<string, string>> {
  const spaces = await repository.subjects(spaceIds);
  const proposals = await repository.proposalsByReference([...spaces.values()].map((space) => space.subjectReference));
  const result = new Map<string, string>();
  for (const [id, space] of spaces) {
    const proposal = space.subjectType === 'proposal' ? proposals.get(space.subjectReference) : undefined;
    if (proposal && proposal.state !== 'draft' && proposal.submittedAt !== null) result.set(id, space.subjectReference);
  }
  return result;
}

function groundOf(ground: DecisionGround | null): string {
  if (!ground) return '';
  return ground.kind === 'law' ? `${ILLEGAL_CONTENT} (${ground.law})` : ground.code;
}

function reasonOf(decision: DecisionRow): string {
  const statement = publicStatementOf(decision);
  return [groundOf(statement.ground), statement.facts].filter(Boolean).join(' — ');
}

/** /open-data/contributions.json, .csv and .atom. */
export const ContributionsOpenDataController = openDataController({ name: 'contributions', csvFilename: 'contributions.csv' }, ContributionsOpenDataService);
/** /open-data/moderation-log.json, .csv and .atom. */
export const ModerationLogOpenDataController = openDataController({ name: 'moderation-log', csvFilename: 'journal-de-moderation.csv' }, ModerationLogOpenDataService);
