import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { JobRepository } from './job.repository';

@Global()
@Module({ providers: [JobQueue, JobRepository], exports: [JobQueue] })
export class JobsModule {}
