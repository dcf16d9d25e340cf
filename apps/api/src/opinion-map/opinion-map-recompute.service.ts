import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { OPINION_MAP_LIMITS } from '@sesame/domain';
import { DeliberationsService } from '../deliberations/deliberations.service';
import { DeliberationEventsService } from '../deliberations/live/deliberation-events.service';
import { JobQueue } from '../jobs/job-queue.service';
import { every } from '../jobs/schedules';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { OpinionMapThread, type VotesRead } from './opinion-map-recompute.compute';
import { OpinionMapRecomputeRepository } from './opinion-map-recompute.repository';
import { OpinionMapRepository, RECOMPUTE_JOB, RECOMPUTE_SPACING } from './opinion-map.repository';

/** Spaces whose map is missing or stale are recomputed at start and this often (a demo seeded without the API, a suspension that ended). */
export const CATCH_UP_JOB = 'opinion-map.catch-up';
const CATCH_UP_EVERY_MS = 5 * 60_000;
/** A recompute holds its space's lock in a transaction this long at most (a 1.5 M-vote map takes tens of seconds on a loaded machine). */
const RECOMPUTE_TIMEOUT_MS = 15 * 60_000;

/**
 * The opinion map in the background (issue 16): a space's map is recomputed
 * by a debounced, spaced-out job (opinion-map.repository.ts enqueueRecompute)
 * from every stored vote, in a worker thread, warm-started from the last
 * snapshot, one recompute per space at a time on any instance; a periodic
 * catch-up enqueues the spaces whose map is missing or stale.
 */
@Injectable()
export class OpinionMapRecomputeService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OpinionMap');
  private readonly thread = new OpinionMapThread();

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: OpinionMapRecomputeRepository,
    private readonly maps: OpinionMapRepository,
    private readonly deliberations: DeliberationsService,
    private readonly live: DeliberationEventsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    // Its own lane: a map stays fresh during a workshop whatever else the queue is doing.
    this.jobs.register(RECOMPUTE_JOB, async (payload) => {
      const deliberationId = (payload as { deliberationId?: unknown } | null)?.deliberationId;
      if (typeof deliberationId === 'string') await this.recompute(deliberationId);
    }, { lane: 'opinion-map' });
    this.jobs.recurring(CATCH_UP_JOB, every(CATCH_UP_EVERY_MS), () => this.catchUp());
    // A suspension starting or ending (an appeal) changes the maps of the spaces the person votes in.
    this.deliberations.onSuspensionChange((tx, personId) => this.suspensionChanged(tx, personId));
  }

  async onModuleDestroy(): Promise<void> {
    await this.thread.close();
  }

  /**
   * Recomputes a space's map from every stored vote: rejected statements out,
   * meta statements zeroed, people suspended now out (opinion-map-recompute.compute.ts,
   * in the worker thread). Stores the view, the positions, the history and
   * the input's hash, then tells the space's streams; when the input is the
   * one of the last map, only notes that it was checked. Another recompute
   * of the space running (another instance): tried again later. Returns
   * whether a new snapshot was stored.
   */
  async recompute(deliberationId: string): Promise<boolean> {
    const announced = await this.prisma.$transaction(
      async (tx): Promise<{ computedAt: string; voters: number } | null> => {
        if (!(await this.repository.lock(tx, deliberationId))) {
          await this.later(tx, deliberationId);
          return null;
        }
        const previous = await this.repository.previous(tx, deliberationId);
        const now = await this.repository.now();
        const [statements, suspended] = await Promise.all([this.repository.statements(deliberationId), this.repository.suspendedParticipants(deliberationId, now)]);
        // What the recompute costs, which spaces out the next one (RECOMPUTE_SPACING): the thread's CPU time computing; not
        // its wall time, which counts the thread's start (the first recompute after the API starts), waiting for another
        // space's computation, and waiting for a core or for the event loop on a loaded machine — 10 × that spaced a tiny
        // workshop's recomputes out by 20–80 s. (Reading the votes costs the database less than computing costs the thread.)
        let costMs = 0;
        const read = (since: string | null) => this.repository.votes(deliberationId, since);
        const compute = async (votes: VotesRead) => {
          const computed = await this.thread.compute({
            deliberationId,
            computedAt: now.toISOString(),
            votes,
            statements,
            suspended,
            previous: previous ? { inputHash: previous.inputHash, algorithmVersion: previous.algorithmVersion, history: previous.history } : null,
          });
          costMs += computed.ms;
          return computed.output;
        };
        // Only the votes written since the worker's last read of the space, when it keeps that read's matrix; else (or if
        // it no longer applies: restarted worker, deleted vote) every vote.
        const kept = this.thread.keptRead(deliberationId);
        let output = await compute(await read(kept));
        if ('stale' in output) output = await compute(await read(null));
        if ('stale' in output) throw new Error('the opinion map’s worker refused every vote of the space');
        const computeMs = Math.round(costMs);
        if (!output.changed) await this.repository.checked(tx, deliberationId, now, computeMs);
        else {
          const { changed: _changed, ...snapshot } = output;
          await this.repository.save(tx, { deliberationId, ...snapshot, computedAt: now, computeMs });
        }
        // Votes cast while this recompute ran enqueued the next one spaced out after the previous recompute: after this one now.
        await this.maps.respaceWaitingRecompute(tx, deliberationId, OPINION_MAP_LIMITS.recomputeDelaySeconds);
        return output.changed ? { computedAt: now.toISOString(), voters: output.voters } : null;
      },
      { timeout: RECOMPUTE_TIMEOUT_MS },
    );
    if (!announced) return false;
    this.live.announce(deliberationId, { type: 'map', ...announced });
    return true;
  }

  /** Another instance is recomputing the space: once more after it (what it read may predate the latest vote). */
  private later(tx: PrismaTransaction, deliberationId: string): Promise<void> {
    return this.maps.enqueueRecompute(tx, deliberationId, new Date(Date.now() + RECOMPUTE_SPACING.minSeconds * 1000));
  }

  /** A suspension of the person began or ended: their spaces' maps are recomputed (they leave or come back). */
  private async suspensionChanged(tx: PrismaTransaction, personId: string): Promise<void> {
    const runAt = new Date(Date.now() + OPINION_MAP_LIMITS.recomputeDelaySeconds * 1000);
    for (const id of await this.repository.spacesOf(tx, personId)) await this.maps.enqueueRecompute(tx, id, runAt);
  }

  /** Enqueues the recompute of every space whose map is missing or stale (a suspension that ended at its term…). Returns how many. */
  async catchUp(): Promise<number> {
    const now = await this.repository.now();
    const stale = await this.repository.staleSpaces(now);
    for (const id of stale) await this.prisma.$transaction((tx) => this.maps.enqueueRecompute(tx, id, now));
    if (stale.length > 0) this.logger.log(`Opinion maps to recompute: ${stale.length}`);
    return stale.length;
  }
}
