import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import mqemitter, { type MQEmitter } from 'mqemitter';
import mqemitterRedis from 'mqemitter-redis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** The topic a person's new notifications are published on: one per (organisation, person). */
export function notificationTopic(organisationId: string, personId: string): string {
  return `notifications/${organisationId}/${personId}`;
}

/**
 * The emitter Mercurius's subscriptions listen on, and what the services publish to. With REDIS_URL
 * it is mqemitter-redis, so an event published by one API process reaches subscribers of every
 * process; without it, the in-process mqemitter (one process only).
 */
@Injectable()
export class LiveEvents implements OnApplicationShutdown {
  readonly emitter: MQEmitter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.emitter = config.REDIS_URL ? mqemitterRedis({ connectionString: config.REDIS_URL }) : mqemitter();
  }

  /** Publishes an event; never throws (a lost live event is caught up by the client's refetch). */
  publish(topic: string, payload: unknown): void {
    this.emitter.emit({ topic, payload }, (error?: Error) => {
      if (error) process.stderr.write(`trellis: a live event was not published: ${error.message}\n`);
    });
  }

  onApplicationShutdown(): void {
    // Mercurius closes its emitter when the server closes; this closes it when it never served (not awaited:
    // a second close of mqemitter-redis can wait for an 'end' its connections already emitted).
    this.emitter.close(() => undefined);
  }
}

/** Live events (GraphQL subscriptions' emitter), one per process, for every module. */
@Global()
@Module({ providers: [LiveEvents], exports: [LiveEvents] })
export class LiveModule {}
