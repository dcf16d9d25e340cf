import { createTwoFilesPatch, diffWordsWithSpace } from 'diff';
import {
  countsInFrench,
  opinionTitleNumber,
  publishedTally,
  tallyVote,
  type AmendmentDto,
  type DissentDto,
  type MemberRef,
  type PanelVoteDto,
  type PopoloVoteEvent,
  type QuorumDto,
  type VoteRules,
  type VoteTallyDto,
} from '@sesame/domain';
import type { MemberRow, RecommendationRow, VoteRow } from './recommendations.repository';

/**
 * Pure mappers from rows to the feature's DTOs, and the text diffs. Diffs use
 * the `diff` library (docs/decisions/0020-recommendations.md): word by word for
 * the page, a unified patch for the record.
 */

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const day = (d: Date) => d.toISOString().slice(0, 10);

export const memberRef = (m: Pick<MemberRow, 'id' | 'displayName' | 'seatType' | 'affiliation'>): MemberRef => ({ id: m.id, displayName: m.displayName, seatType: m.seatType, affiliation: m.affiliation });

export function textDiff(from: string, to: string) {
  return diffWordsWithSpace(from, to).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));
}
export function unifiedDiff(name: string, fromLabel: string, toLabel: string, from: string, to: string): string {
  return createTwoFilesPatch(name, name, ensureNewline(from), ensureNewline(to), fromLabel, toLabel);
}
export const ensureNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** The tally of a vote: stored once closed, computed from its ballots while open. */
export function tallyOf(vote: VoteRow): VoteTallyDto {
  if (vote.tally) return vote.tally as unknown as VoteTallyDto;
  const ballots =
    vote.mode === 'secret'
      ? vote.secretBallots.map((b) => ({ seatType: b.seatType, choice: b.choice }))
      : vote.participations.filter((p) => p.choice !== null).map((p) => ({ seatType: p.seatType, choice: p.choice! }));
  return tallyVote(ballots, vote.rules as unknown as VoteRules);
}

/** The tally as the secrecy of the vote lets it be published (`publishedTally`). */
export const publicTallyOf = (vote: VoteRow) => publishedTally(tallyOf(vote), vote.mode, vote.state);

/**
 * Who took part. In a secret vote, by name (then id), never in the order of
 * voting: that order, set against anything dated, would pair voters and choices.
 */
function votersOf(vote: VoteRow): MemberRef[] {
  const voters = vote.participations.map((p) => memberRef(p.member));
  if (vote.mode !== 'secret') return voters;
  return voters.sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr') || a.id.localeCompare(b.id));
}

export function voteDto(vote: VoteRow, recommendation: string, viewerMemberId: string | null): PanelVoteDto {
  const mine = viewerMemberId ? vote.participations.find((p) => p.memberId === viewerMemberId) : undefined;
  const { tally, withheld } = publicTallyOf(vote);
  return {
    id: vote.id,
    subject: vote.subject,
    recommendation,
    amendment: vote.amendment?.number ?? null,
    version: vote.version,
    mode: vote.mode,
    state: vote.state,
    openedAt: vote.openedAt.toISOString(),
    closedAt: iso(vote.closedAt),
    voters: votersOf(vote),
    ballots: vote.mode === 'recorded' ? vote.participations.filter((p) => p.choice).map((p) => ({ member: memberRef(p.member), choice: p.choice! })) : [],
    tally,
    withheld,
    myChoice: mine?.choice ?? null,
    voted: Boolean(mine),
  };
}

export function dissentDto(d: RecommendationRow['dissents'][number], recommendation: string): DissentDto {
  return {
    id: d.id,
    recommendation,
    body: d.body,
    anonymous: d.anonymous,
    signatories: d.anonymous ? [] : d.signatures.map((s) => memberRef(s.member)),
    signatures: d.signatures.length,
    createdAt: d.createdAt.toISOString(),
  };
}

export function amendmentDto(a: RecommendationRow['amendments'][number], row: RecommendationRow): AmendmentDto {
  const base = row.versions.find((v) => v.version === a.baseVersion);
  const merged = a.procedure === 'accept_modified' ? a.modifiedBody : a.state === 'rejected' || a.state === 'withdrawn' ? null : a.body;
  return {
    number: a.number,
    recommendation: row.reference,
    author: memberRef(a.author),
    state: a.state,
    baseVersion: a.baseVersion,
    title: a.title,
    body: a.body,
    explanation: a.explanation,
    procedure: a.procedure,
    procedureNote: a.procedureNote,
    mergedBody: merged,
    diff: textDiff(base?.body ?? '', a.body),
    vote: a.votes[0]?.id ?? null,
    mergedInto: a.mergedInto,
    createdAt: a.createdAt.toISOString(),
  };
}

/** 422 detail when adoption is refused: the counts and what was missing. */
export function adoptionRefusal(tally: VoteTallyDto): string {
  const counts = countsInFrench(tally.counts);
  if (!tally.quorum.reached) return `Quorum non atteint : ${tally.quorum.present} membres votants sur ${tally.quorum.required} requis (${tally.quorum.percent} % de ${tally.quorum.votingSeats} sièges). Votes : ${counts}.`;
  return `Majorité requise non atteinte : ${tally.counts.for} voix pour sur ${tally.cast} exprimées, il en faut ${tally.threshold.required} (${tally.threshold.numerator}/${tally.threshold.denominator}). Votes : ${counts}.`;
}

export const quorumText = (q: QuorumDto) => `${q.present} présents sur ${q.votingSeats} sièges avec voix délibérative (quorum ${q.required})${q.reached ? '' : ' — quorum non atteint'}`;

const POPOLO_OPTION = { for: 'yes', against: 'no', abstain: 'abstain' } as const;
const POPOLO_RESULT = { adopted: 'pass', rejected: 'fail', no_quorum: 'no quorum' } as const;

/** A closed vote as a Popolo vote event (counts per seat type as groups; each vote when recorded). */
export function popoloVoteEvent(vote: VoteRow, item: { reference: string; title: string }, opinion: string, site: string): PopoloVoteEvent {
  // Counts per seat type a secret vote may not publish are zeros here, so no group count is listed.
  const { tally } = publicTallyOf(vote);
  const counts: PopoloVoteEvent['counts'] = [];
  for (const option of ['for', 'against', 'abstain'] as const) counts.push({ option: POPOLO_OPTION[option], value: tally.counts[option] });
  for (const [seatType, c] of Object.entries(tally.bySeatType)) {
    for (const option of ['for', 'against', 'abstain'] as const) if (c[option] > 0) counts.push({ option: POPOLO_OPTION[option], value: c[option], group_id: `seat-type/${seatType}` });
  }
  const origin = site.replace(/\/+$/, '');
  return {
    id: `${origin}/comite/avis/${opinion}#vote-${vote.id}`,
    identifier: vote.id,
    motion: {
      id: vote.subject === 'amendment' ? `${item.reference}/amendement-${vote.amendment?.number}` : item.reference,
      text: vote.subject === 'amendment' ? `Amendement n° ${vote.amendment?.number} à « ${item.title} »` : item.title,
      classification: vote.subject === 'amendment' ? 'amendment' : 'recommendation',
      requirement: `${tally.threshold.numerator}/${tally.threshold.denominator} des votes exprimés, quorum ${tally.quorum.percent} %`,
    },
    organization_id: `${origin}/comite`,
    start_date: vote.openedAt.toISOString(),
    end_date: iso(vote.closedAt),
    result: POPOLO_RESULT[vote.outcome ?? tally.outcome],
    counts,
    votes: vote.mode === 'recorded' ? vote.participations.filter((p) => p.choice).map((p) => ({ voter_id: `panel-member/${p.memberId}`, option: POPOLO_OPTION[p.choice!], group_id: `seat-type/${p.seatType}` })) : [],
    secret: vote.mode === 'secret',
  };
}

export const opinionLabel = (number: string | null) => (number ? opinionTitleNumber(number) : null);
