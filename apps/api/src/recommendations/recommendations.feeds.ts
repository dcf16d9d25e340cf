import { Injectable } from '@nestjs/common';
import type { Actor, PopoloVoteEvent } from '@sesame/domain';
import { toAtom, type AtomFeed } from '../open-data/atom';
import { openDataController, type OpenDataset } from '../open-data/open-data.controller';
import { popoloVoteEvent } from './recommendations.dto';
import { opinionPdf } from './opinion-pdf';
import { RecommendationsRepository, type OpinionRow } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

/** The published opinions as an Atom feed, a PDF each, and their votes as Popolo vote events. */
@Injectable()
export class RecommendationsFeeds {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly repository: RecommendationsRepository,
  ) {}

  async atom(): Promise<string> {
    return toAtom(this.recommendations.site, '/api/v1/recommendations/opinions/feed.atom', await this.opinionsFeed());
  }

  async opinionsFeed(): Promise<AtomFeed> {
    const opinions = await this.repository.publishedOpinions(50);
    return {
      title: 'Avis du comité citoyen — Sésame',
      description: 'Les avis publiés par le comité citoyen, avec leurs recommandations.',
      page: '/comite/avis',
      entries: opinions.map((o) => ({
        id: `/comite/avis/${o.reference}`,
        title: `AVIS n° ${o.reference} — ${o.title}`,
        link: `/comite/avis/${o.reference}`,
        date: o.publishedAt!,
        description: `${o.recommendations.length} recommandation${o.recommendations.length > 1 ? 's' : ''}. Réponse de la ville attendue avant le ${o.responseDueAt!.toISOString().slice(0, 10)}.`,
      })),
    };
  }

  async pdf(actor: Actor, number: string): Promise<Buffer> {
    return opinionPdf(await this.recommendations.opinion(actor, number), this.recommendations.site);
  }

  async voteEvents(number: string): Promise<PopoloVoteEvent[]> {
    return this.eventsOf(await this.recommendations.publishedOpinion(number));
  }

  /** Every closed vote of the opinion's recommendations (adoptions and contested amendments). */
  eventsOf(o: OpinionRow): PopoloVoteEvent[] {
    return o.recommendations.flatMap((r) => {
      const title = r.versions.find((v) => v.version === r.version)!.title;
      return r.votes.filter((v) => v.state === 'closed').map((v) => popoloVoteEvent(v, { reference: r.reference, title }, o.reference!, this.recommendations.site));
    });
  }

  async allVoteEvents(): Promise<(PopoloVoteEvent & { opinion: string })[]> {
    const opinions = await this.repository.publishedOpinions(10_000);
    return opinions.flatMap((o) => this.eventsOf(o).map((e) => ({ ...e, opinion: o.reference! })));
  }
}

type VoteEventRecord = PopoloVoteEvent & { opinion: string };

/** The panel's votes as open data: /open-data/panel-vote-events.json, .csv, .atom. */
@Injectable()
export class PanelVoteEventsOpenData implements OpenDataset<VoteEventRecord> {
  constructor(private readonly feeds: RecommendationsFeeds) {}

  records(): Promise<VoteEventRecord[]> {
    return this.feeds.allVoteEvents();
  }

  about(): object {
    return { format: 'Popolo vote events (https://www.popoloproject.com/specs/vote-event.html); counts per seat type as group_id "seat-type/…"; `votes` is empty for a secret vote.' };
  }

  table(records: VoteEventRecord[]): string[][] {
    const header = ['opinion', 'identifier', 'motion', 'classification', 'start_date', 'end_date', 'result', 'secret', 'yes', 'no', 'abstain'];
    const total = (r: VoteEventRecord, option: string) => String(r.counts.find((c) => c.option === option && !c.group_id)?.value ?? 0);
    return [header, ...records.map((r) => [r.opinion, r.identifier, r.motion.text, r.motion.classification, r.start_date, r.end_date ?? '', r.result, String(r.secret), total(r, 'yes'), total(r, 'no'), total(r, 'abstain')])];
  }

  feed(): Promise<AtomFeed> {
    return this.feeds.opinionsFeed();
  }
}

export const PanelVoteEventsOpenDataController = openDataController({ name: 'panel-vote-events', csvFilename: 'sesame-votes-comite.csv' }, PanelVoteEventsOpenData);
