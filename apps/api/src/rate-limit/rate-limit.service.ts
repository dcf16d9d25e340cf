import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';

export interface Limit {
  /** Distinct name, part of the storage key. */
  name: string;
  points: number;
  durationSeconds: number;
  /** French explanation shown with the 429. */
  message: string;
}

/** The platform's limits against abuse (issue "Identity: abuse resistance"). */
export const LIMITS = {
  signInPerEmail: { name: 'sign-in-email', points: 5, durationSeconds: 60, message: 'Trop de demandes de lien pour cette adresse.' },
  signInPerIp: { name: 'sign-in-ip', points: 20, durationSeconds: 60, message: 'Trop de demandes de connexion depuis votre réseau.' },
  verificationPerPerson: { name: 'verification', points: 10, durationSeconds: 3600, message: 'Trop de tentatives de vérification.' },
  // Guessing census identities with many accounts: per network too. Generous, since an
  // association's help desk verifies many neighbours from one connection.
  verificationPerIp: { name: 'verification-ip', points: 60, durationSeconds: 3600, message: 'Trop de tentatives de vérification depuis votre réseau.' },
  // And for the whole platform, against guessing spread over many networks: far above a
  // town's real pace, it bounds what a botnet could learn (at the cost of slowing everyone during such an attack).
  verificationOverall: { name: 'verification-all', points: 2000, durationSeconds: 3600, message: 'Trop de tentatives de vérification sur la plateforme en ce moment.' },
  emailChangePerPerson: { name: 'email-change', points: 5, durationSeconds: 3600, message: 'Trop de demandes de changement d’adresse.' },
  emailChangePerIp: { name: 'email-change-ip', points: 20, durationSeconds: 3600, message: 'Trop de demandes de changement d’adresse depuis votre réseau.' },
  proposalSubmissions: { name: 'proposal-submissions', points: 5, durationSeconds: 86_400, message: 'Vous avez déposé 5 propositions aujourd’hui : c’est la limite par jour.' },
  // A lively thread, not a flood: 10 contributions (and replies) per 10 minutes per person.
  deliberationPosts: { name: 'deliberation-posts', points: 10, durationSeconds: 600, message: 'Vous avez publié 10 contributions en 10 minutes : c’est la limite.' },
  // Statements of the opinion map: short, so a few more than contributions; votes: one every second on average over a minute.
  opinionMapStatements: { name: 'opinion-map-statements', points: 10, durationSeconds: 600, message: 'Vous avez ajouté 10 affirmations en 10 minutes : c’est la limite.' },
  opinionMapVotes: { name: 'opinion-map-votes', points: 60, durationSeconds: 60, message: 'Vous avez voté 60 fois en une minute : c’est la limite.' },
  deliberationReports: { name: 'deliberation-reports', points: 10, durationSeconds: 3600, message: 'Vous avez fait 10 signalements en une heure : c’est la limite.' },
  // The advisory panel's public answer form: an association's help desk answers for a few neighbours, nobody tries codes by the hundred.
  panelAnswersPerIp: { name: 'panel-answers-ip', points: 30, durationSeconds: 3600, message: 'Trop de réponses à l’appel à volontaires depuis votre réseau.' },
} satisfies Record<string, Limit>;

/**
 * Counts attempts per key. With REDIS_URL the counters are shared by every
 * API instance; without, each instance counts in memory (one instance).
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly logger = new Logger('RateLimitService');

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 }) : null;
    this.redis?.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message} (counting in memory meanwhile)`));
  }

  /** Counts one attempt; throws a 429 problem with Retry-After once the limit is reached. */
  async consume(limit: Limit, key: string): Promise<void> {
    try {
      await this.limiter(limit).consume(key);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
        throw ProblemException.rateLimited(`${limit.message} Réessayez dans ${retryAfter} seconde${retryAfter > 1 ? 's' : ''}.`, retryAfter);
      }
      throw outcome;
    }
  }

  /** Counts one attempt against each limit in turn; the first one reached throws its 429. */
  async consumeEach(attempts: readonly (readonly [Limit, string])[]): Promise<void> {
    for (const [limit, key] of attempts) await this.consume(limit, key);
  }

  private limiter(limit: Limit): RateLimiterAbstract {
    let limiter = this.limiters.get(limit.name);
    if (!limiter) {
      const options = { keyPrefix: `sesame:${limit.name}`, points: limit.points, duration: limit.durationSeconds };
      // If Redis fails, count in memory rather than refuse service (insurance limiter).
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, useRedisPackage: false, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      this.limiters.set(limit.name, limiter);
    }
    return limiter;
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }
}
