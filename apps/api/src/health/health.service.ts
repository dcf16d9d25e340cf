import { Injectable } from '@nestjs/common';
import type { Health } from '@sesame/domain';
import { API_VERSION } from '../version';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(private readonly repository: HealthRepository) {}

  async check(): Promise<Health> {
    const started = performance.now();
    let database: Health['checks']['database'];
    try {
      await this.repository.ping();
      database = { status: 'up', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    } catch {
      database = { status: 'down', latencyMs: null };
    }
    return {
      status: database.status === 'up' ? 'ok' : 'degraded',
      version: API_VERSION,
      checks: { database },
      time: new Date().toISOString(),
    };
  }
}
