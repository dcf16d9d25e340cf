import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { OPEN_DATA_LICENCE } from '@sesame/domain';
import { Feed } from 'feed';
import Papa from 'papaparse';
import { Public } from '../auth/access.decorators';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { ProposalsRepository } from './proposals.repository';

const FEED_SIZE = 50;

/** Public proposals as open data (drafts never; authors by pseudonym only). */
@Injectable()
export class ProposalsOpenDataService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: ProposalsRepository,
  ) {}

  async records() {
    const rows = await this.repository.allPublic();
    const names = await this.repository.names(rows.map((r) => r.authorId));
    return rows.map((row) => ({
      reference: row.reference,
      state: row.state,
      kind: row.kind,
      title: row.title,
      author: names.get(row.authorId) ?? 'Participant supprimé',
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

  async json() {
    return { generatedAt: new Date().toISOString(), licence: OPEN_DATA_LICENCE, records: await this.records() };
  }

  async csv(): Promise<string> {
    const records = await this.records();
    const columns = ['reference', 'state', 'kind', 'title', 'author', 'dataUse', 'unlistedDataUse', 'body', 'why', 'expectedEffect', 'neighbourhoodId', 'supports', 'threshold', 'collectingUntil', 'submittedAt', 'updatedAt'] as const;
    const rows = records.map((r) => columns.map((c) => (r[c] === null ? '' : String(r[c]))));
    return `${Papa.unparse([columns as unknown as string[], ...rows], { newline: '\r\n', escapeFormulae: true })}\r\n`;
  }

  async atom(): Promise<string> {
    const site = this.config.WEB_ORIGIN.replace(/\/+$/, '');
    const events = await this.repository.latestEvents(FEED_SIZE);
    const feed = new Feed({
      title: 'Sésame — propositions',
      description: 'Dépôts, décisions de recevabilité, qualifications et sélections des propositions.',
      id: `${site}/propositions`,
      link: `${site}/propositions`,
      language: 'fr',
      copyright: OPEN_DATA_LICENCE,
      updated: events[0]?.createdAt ?? new Date(0),
      feedLinks: { atom: `${site}/api/v1/open-data/proposals.atom` },
    });
    for (const event of events) {
      feed.addItem({
        id: `${site}/propositions/${event.proposal.reference}#${event.id}`,
        title: `${event.proposal.reference} — ${event.proposal.title} : ${STATE_LABELS[event.state]}`,
        link: `${site}/propositions/${event.proposal.reference}`,
        date: event.createdAt,
        description: event.reason || STATE_LABELS[event.state],
      });
    }
    return feed.atom1();
  }
}

const STATE_LABELS: Record<string, string> = {
  draft: 'brouillon',
  submitted: 'déposée',
  admissible: 'recevable, recueil des soutiens ouvert',
  inadmissible: 'irrecevable',
  qualified: 'qualifiée',
  expired: 'expirée',
  selected: 'retenue pour une consultation',
  not_selected: 'non retenue',
  withdrawn: 'retirée par son auteur',
};

@Controller('open-data')
export class ProposalsOpenDataController {
  constructor(private readonly openData: ProposalsOpenDataService) {}

  @Get('proposals.json')
  @Public()
  json() {
    return this.openData.json();
  }

  @Get('proposals.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="propositions.csv"')
  csv(): Promise<string> {
    return this.openData.csv();
  }

  @Get('proposals.atom')
  @Public()
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  atom(): Promise<string> {
    return this.openData.atom();
  }
}
