import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { MentoringFizzlingService } from './mentoring-fizzling.service.js';

/**
 * Hourly, nudges both sides of every pair that has fizzled (no session for the organisation's N
 * weeks), once per fizzling episode. Several processes may run it at once: the nudge is claimed by
 * an insert-once row (see `MentoringFizzlingService.nudge`), so nothing is kept in memory.
 */
@Injectable()
export class MentoringFizzleJob {
  private readonly logger = new Logger(MentoringFizzleJob.name);

  constructor(private readonly fizzling: MentoringFizzlingService) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'mentoring-fizzle' })
  async scheduled(): Promise<void> {
    try {
      const nudged = await this.fizzling.nudgeAll(new Date());
      if (nudged.length > 0) this.logger.log(`mentoring: nudged ${nudged.length} fizzling pairs`);
    } catch (error) {
      this.logger.error(error);
    }
  }
}
