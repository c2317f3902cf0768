import { Injectable } from '@nestjs/common';

/**
 * Where the process is in its life, for the readiness check and the drain: once a signal asks it to
 * stop (main.ts), `/health` answers 503 and every answer carries `Connection: close`, so load
 * balancers and keep-alive clients move to another process while this one finishes what it accepted.
 */
@Injectable()
export class Lifecycle {
  private stoppingSince: Date | null = null;

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  beginStopping(): void {
    this.stoppingSince ??= new Date();
  }
}
