import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Access } from '../common/access.js';
import { Lifecycle } from './lifecycle.js';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {}

  /**
   * Readiness: 200 when the database answers and the process is not stopping; 503 otherwise (load
   * balancers, Kubernetes' readinessProbe and the browser suite poll this).
   */
  @Get()
  @Access('public')
  async check(@Res() reply: FastifyReply): Promise<void> {
    if (this.lifecycle.stopping) {
      await reply.status(HttpStatus.SERVICE_UNAVAILABLE).send({ status: 'unavailable', reason: 'stopping' });
      return;
    }
    try {
      await this.dataSource.query('SELECT 1');
      await reply.status(HttpStatus.OK).send({ status: 'ok' });
    } catch {
      await reply.status(HttpStatus.SERVICE_UNAVAILABLE).send({ status: 'unavailable', reason: 'database' });
    }
  }

  /** Liveness: the process answers (nothing else is asked, so a database outage or a drain does not get it restarted). */
  @Get('live')
  @Access('public')
  live(): { status: string } {
    return { status: 'ok' };
  }
}
