import { Global, Module } from '@nestjs/common';
import { DomainWorkerPool } from './domain-worker-pool.js';

/** The worker pool for heavy domain work, available to every module (see DomainWorkerPool). */
@Global()
@Module({ providers: [DomainWorkerPool], exports: [DomainWorkerPool] })
export class WorkersModule {}
