import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DELIBERATION_EVENTS_HEARTBEAT_SECONDS, type ContributionEvent, type DeliberationEvent, type ModerationDecision } from '@sesame/domain';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { ProblemException } from '../../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../../config/config.schema';
import { DeliberationsRepository } from '../deliberations.repository';

/** What a write did to the items it names: made them public, changed them, or changed their helpful count. */
export type LiveChange = 'new' | 'changed' | 'counts';

/** What a moderator's decision does to the public thread (warnings and suspensions change no contribution). */
export function changeOfDecision(decision: ModerationDecision['decision']): LiveChange | null {
  if (decision === 'approve') return 'new';
  return decision === 'warn' || decision === 'suspend' ? null : 'changed';
}

/** Open streams per client address (a household or a library behind one address), and per instance. */
export const LIVE_LIMITS = { perAddress: 50, perInstance: 10_000 } as const;
/** Redis channel of a space's events: one per space, so an instance only hears the spaces its clients follow. */
export const channelOf = (spaceId: string) => `sesame:deliberation-events:${spaceId}`;
/** A client that reads slower than events come is dropped beyond this much unsent data (it reconnects). */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** How long a new stream waits for Redis to confirm the subscription before it opens anyway. */
const SUBSCRIBE_WAIT_MS = 2000;

interface Envelope {
  from: string;
  spaceId: string;
  event: DeliberationEvent;
}

/**
 * Live updates of deliberation spaces over Server-Sent Events. The service
 * publishes an event after a write has committed; every stream open on this
 * instance for that space receives it at once (an in-process EventEmitter),
 * and with REDIS_URL the event also goes through Redis pub/sub to the streams
 * of every other instance. Without REDIS_URL, a single instance only.
 * Events carry public figures only (DeliberationEventSchema), and nothing is
 * sent for a contribution that is pending.
 */
@Injectable()
export class DeliberationEventsService implements OnModuleDestroy {
  private readonly logger = new Logger('DeliberationEvents');
  private readonly local = new EventEmitter();
  private readonly instance = randomUUID();
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  /** Spaces this instance listens to on Redis, with the subscription under way. */
  private readonly subscriptions = new Map<string, Promise<unknown>>();
  private readonly streams = new Set<Response>();
  private readonly perAddress = new Map<string, number>();
  /** Open streams per space on this instance. */
  private readonly followers = new Map<string, number>();

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly repository: DeliberationsRepository,
  ) {
    this.local.setMaxListeners(0);
    if (config.REDIS_URL) {
      this.publisher = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
      this.subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
      for (const client of [this.publisher, this.subscriber]) client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message} (live events reach this instance's clients only meanwhile)`));
      this.subscriber.on('message', (_channel: string, message: string) => this.received(message));
    } else {
      this.publisher = null;
      this.subscriber = null;
    }
  }

  // ---- publishing ------------------------------------------------------------

  /**
   * Called once a write has committed: tells every stream of the space. Never
   * throws and never delays the answer (the work runs after it); a contribution
   * still pending, or gone, sends nothing.
   */
  publish(spaceId: string, change: LiveChange | null, contributionIds: readonly string[]): void {
    if (change === null || contributionIds.length === 0) return;
    // Nobody to tell: no stream here, and no other instance to reach.
    if (!this.publisher && !this.followers.has(spaceId)) return;
    void this.eventsOf(spaceId, change, contributionIds)
      .then((events) => {
        for (const event of events) this.send(spaceId, event);
      })
      .catch((error: unknown) => this.logger.warn(`Live event of ${spaceId} not sent: ${error instanceof Error ? error.message : String(error)}`));
  }

  /**
   * Called once a write has committed, for events that carry their figures
   * already (the opinion map's `statement` and `map`): tells every stream of
   * the space. Never throws.
   */
  announce(spaceId: string, event: DeliberationEvent): void {
    if (!this.publisher && !this.followers.has(spaceId)) return;
    try {
      this.send(spaceId, event);
    } catch (error) {
      this.logger.warn(`Live event of ${spaceId} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async eventsOf(spaceId: string, change: LiveChange, ids: readonly string[]): Promise<ContributionEvent[]> {
    const [rows, counts] = await Promise.all([Promise.all(ids.map((id) => this.repository.contribution(id, spaceId))), this.repository.counts(spaceId)]);
    return rows.flatMap((row) => {
      if (!row || row.state === 'pending') return [];
      const type = change === 'new' ? (row.parentId ? 'reply' : 'contribution') : change;
      return [{ type, contributionId: row.id, parentId: row.parentId, helpful: row.helpfulCount, counts }];
    });
  }

  private send(spaceId: string, event: DeliberationEvent): void {
    this.local.emit(spaceId, event);
    if (!this.publisher) return;
    const envelope: Envelope = { from: this.instance, spaceId, event };
    this.publisher.publish(channelOf(spaceId), JSON.stringify(envelope)).catch((error: Error) => this.logger.warn(`Redis publish: ${error.message}`));
  }

  /** From Redis: an event published by another instance (this one's own were sent already). */
  private received(message: string): void {
    try {
      const envelope = JSON.parse(message) as Envelope;
      if (envelope.from !== this.instance) this.local.emit(envelope.spaceId, envelope.event);
    } catch {
      this.logger.warn('Redis: an unreadable live event was ignored');
    }
  }

  // ---- streams ------------------------------------------------------------------

  /** Opens a Server-Sent Events stream on this response; the space exists and is visible (checked by the caller). */
  async stream(spaceId: string, request: Request, response: Response): Promise<void> {
    const address = request.ip ?? request.socket.remoteAddress ?? '';
    if ((this.perAddress.get(address) ?? 0) >= LIVE_LIMITS.perAddress) {
      throw ProblemException.rateLimited(`Déjà ${LIVE_LIMITS.perAddress} suivis en direct ouverts depuis votre réseau : fermez-en un, ou rechargez la page pour voir les nouveautés.`, 60);
    }
    if (this.streams.size >= LIVE_LIMITS.perInstance) throw ProblemException.unavailable('Trop de suivis en direct ouverts en ce moment : rechargez la page pour voir les nouveautés.');
    const headers = {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: no proxy compresses (and so buffers) the stream; X-Accel-Buffering: nginx passes it on at once.
      'Cache-Control': 'no-cache, no-store, no-transform',
      'X-Accel-Buffering': 'no',
    };
    // The instance is stopping (graceful-shutdown.ts asked for Connection: close): the client comes back to another one.
    if (response.getHeader('Connection') === 'close') {
      response.writeHead(200, headers).end('retry: 1000\n\n');
      return;
    }
    this.count(address, +1);
    this.streams.add(response);
    this.follow(spaceId, +1);
    const listener = (event: DeliberationEvent) => this.write(response, `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    const heartbeat = setInterval(() => this.write(response, ': heartbeat\n\n'), DELIBERATION_EVENTS_HEARTBEAT_SECONDS * 1000);
    heartbeat.unref();
    let closed = false;
    response.once('close', () => {
      closed = true;
      clearInterval(heartbeat);
      this.local.off(spaceId, listener);
      this.streams.delete(response);
      this.count(address, -1);
      this.follow(spaceId, -1);
    });
    // Subscribed before the headers go: once the client sees them, it misses no event published elsewhere.
    await this.listen(spaceId);
    if (closed) return;
    request.socket.setTimeout(0);
    request.socket.setNoDelay(true);
    response.writeHead(200, headers);
    // The reconnection delay (ms), and a first line so that every proxy passes the headers on now.
    response.write('retry: 3000\n: ouvert\n\n');
    this.local.on(spaceId, listener);
  }

  private write(response: Response, chunk: string): void {
    if (!response.headersSent || response.writableEnded || response.destroyed) return;
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      response.destroy();
      return;
    }
    response.write(chunk);
  }

  private count(address: string, delta: number): void {
    const next = (this.perAddress.get(address) ?? 0) + delta;
    if (next > 0) this.perAddress.set(address, next);
    else this.perAddress.delete(address);
  }

  /** Subscribes this instance to the space's Redis channel (once), waiting a little for Redis to confirm. */
  private async listen(spaceId: string): Promise<void> {
    if (!this.subscriber) return;
    let subscribed = this.subscriptions.get(spaceId);
    if (!subscribed) {
      subscribed = this.subscriber.subscribe(channelOf(spaceId)).catch((error: Error) => this.logger.warn(`Redis subscribe: ${error.message}`));
      this.subscriptions.set(spaceId, subscribed);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([subscribed, new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /** Counts the streams of a space on this instance; when the last closes, stop hearing the space on Redis. */
  private follow(spaceId: string, delta: number): void {
    const next = (this.followers.get(spaceId) ?? 0) + delta;
    if (next > 0) {
      this.followers.set(spaceId, next);
      return;
    }
    this.followers.delete(spaceId);
    if (!this.subscriber || !this.subscriptions.has(spaceId)) return;
    this.subscriptions.delete(spaceId);
    this.subscriber.unsubscribe(channelOf(spaceId)).catch(() => undefined);
  }

  /** Open streams on this instance (tests, and the bench's check that every client is connected). */
  get openStreams(): number {
    return this.streams.size;
  }

  /** Ends every open stream (the clients reconnect, to another instance), then leaves Redis. */
  async onModuleDestroy(): Promise<void> {
    for (const response of this.streams) {
      response.end();
      response.socket?.end();
    }
    this.streams.clear();
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }
}
