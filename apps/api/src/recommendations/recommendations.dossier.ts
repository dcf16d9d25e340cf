import { DELETED_ACCOUNT_NAME, type ConsultationResultsDto, type OpinionMapView, type ReferralDossier } from '@sesame/domain';
import type { RecommendationsRepository } from './recommendations.repository';

type Consultation = NonNullable<Awaited<ReturnType<RecommendationsRepository['consultation']>>>;
type Proposal = NonNullable<Awaited<ReturnType<RecommendationsRepository['proposal']>>>;

export interface DossierSources {
  dataUseId?: string | null;
  dataUse: { reference: string; title: string; reviewDate: Date | null; sunsetDate: Date | null } | null;
  consultation: Consultation | null;
  proposal: Proposal | null;
  review: ReferralDossier['review'];
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const EXCERPT = 600;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/**
 * The referral's dossier, generated from what the sources publish: a
 * consultation's results (tally, turnout by neighbourhood, polling stations),
 * its deliberation (contributions online and from workshops, the strongest
 * arguments each side by helpful marks, the opinion map's groups and
 * bridging statements), a proposal's text and supports, a register alert.
 * Only public material goes in: the dossier is quoted in the opinion.
 */
export async function buildDossier(repository: RecommendationsRepository, sources: DossierSources): Promise<ReferralDossier> {
  return {
    generatedAt: new Date().toISOString(),
    dataUse: sources.dataUse ? { reference: sources.dataUse.reference, title: sources.dataUse.title, reviewDate: day(sources.dataUse.reviewDate), sunsetDate: day(sources.dataUse.sunsetDate) } : null,
    consultation: sources.consultation ? await consultationDossier(repository, sources.consultation) : null,
    proposal: sources.proposal
      ? {
          reference: sources.proposal.reference,
          title: sources.proposal.title,
          body: sources.proposal.body,
          why: sources.proposal.why,
          expectedEffect: sources.proposal.expectedEffect,
          supports: sources.proposal.supportTallies.reduce((sum, t) => sum + t.count, 0),
          threshold: sources.proposal.threshold,
          state: sources.proposal.state,
        }
      : null,
    review: sources.review,
  };
}

async function consultationDossier(repository: RecommendationsRepository, c: Consultation): Promise<NonNullable<ReferralDossier['consultation']>> {
  const results = c.results as unknown as ConsultationResultsDto | null;
  const figures = await repository.deliberationFigures('consultation', c.reference);
  const authors = figures ? [...figures.pro, ...figures.contra].map((x) => x.authorId).filter((id): id is string => id !== null) : [];
  const names = new Map((await repository.names(authors)).map((p) => [p.id, p.deletedAt ? DELETED_ACCOUNT_NAME : p.pseudonym]));
  const argument = (x: NonNullable<typeof figures>['pro'][number]) => ({
    excerpt: excerpt(x.body),
    replies: x._count.replies,
    reactions: x.helpfulCount,
    author: x.authorId ? (names.get(x.authorId) ?? DELETED_ACCOUNT_NAME) : workshopAttribution(x.workshop),
  });
  const map = figures?.opinionMap?.view as unknown as OpinionMapView | undefined;
  const stations = new Map<string, number>();
  for (const p of c.paperCounts) stations.set(p.stationName, (stations.get(p.stationName) ?? 0) + p.ballots);
  return {
    reference: c.reference,
    title: c.title,
    question: c.question,
    method: c.method,
    closedOn: day(c.closedOn),
    tally: {
      options: (results?.options ?? []).map((o) => ({ id: o.id, label: o.label, rank: o.rank, votes: o.votes, majorityGrade: o.majorityGrade })),
      winner: results?.winner ?? null,
      ballots: results?.ballots ?? { online: 0, paper: 0, blankOrInvalid: 0 },
      quorum: results?.quorum ?? { percent: 0, reached: false },
      explanation: results?.explanation ?? [],
    },
    turnout: {
      eligible: results?.turnout.eligible ?? 0,
      participants: results?.turnout.participants ?? 0,
      online: results?.turnout.online ?? 0,
      atStations: results?.turnout.atStations ?? 0,
      percent: results?.turnout.percent ?? '0.0',
      byNeighbourhood: (results?.turnout.byNeighbourhood ?? []).map((n) => ({ name: n.name, eligible: n.eligible, participants: n.participants })),
    },
    participation: {
      pollingStations: [...stations].map(([name, ballots]) => ({ name, ballots })),
      workshopContributions: figures?.workshop ?? 0,
      contributions: figures?.contributions ?? 0,
      contributors: figures?.contributors ?? 0,
      hearings: c._count.hearings,
      questions: c._count.questions,
    },
    opinionMap:
      map && map.status === 'ready'
        ? {
            voters: map.voters,
            groups: map.groups.map((g) => ({ group: g.group, size: g.size, characteristic: g.characteristic.slice(0, 3).map((s) => ({ number: s.number, text: s.text, direction: s.direction, percent: s.percent })) })),
            bridging: map.bridging.slice(0, 5).map((b) => ({ number: b.number, text: b.text, score: b.score })),
          }
        : null,
    arguments: { for: (figures?.pro ?? []).map(argument), against: (figures?.contra ?? []).map(argument) },
  };
}

/** A workshop entry is attributed as its sheet says (« Atelier du 12 mars, participante anonyme »). */
function workshopAttribution(workshop: unknown): string {
  const w = (workshop ?? {}) as { attribution?: unknown };
  return typeof w.attribution === 'string' && w.attribution ? `Atelier — ${w.attribution}` : 'Atelier';
}
