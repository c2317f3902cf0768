import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pmoFramework, validateFramework } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction } from '../database/tenant-database.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { hashPassword } from '../identity/passwords.js';
import { OrganisationsService, type OrganisationRecord } from '../organisations/organisations.service.js';
import { countPeople, insertPerson, insertTeam } from '../people/people-directory.js';
import { seedDemoCrowd } from './demo-crowd.js';
import { DemoActivitySeeder } from './demo-activity.seeder.js';
import { demoOrganisation } from './demo-organisation.js';
import { seedMentoringDemo } from './mentoring-demo.js';
import { ReportRefreshService } from '../reports/report-refresh.service.js';

/** Arbitrary constant: serialises seeding when several API processes start together. */
const SEED_LOCK = 7_104_151;

@Injectable()
export class Seeder {
  private readonly logger = new Logger(Seeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly frameworks: FrameworksService,
    private readonly organisations: OrganisationsService,
    private readonly identity: IdentityService,
    private readonly activity: DemoActivitySeeder,
    private readonly reports: ReportRefreshService,
  ) {}

  /** Seeds the demo organisation with the built-in PMO framework and demo accounts; safe to run on every start. */
  async seedDemo(): Promise<void> {
    const validation = validateFramework(pmoFramework);
    if (!validation.ok) {
      const problems = validation.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new Error(`The built-in PMO framework is invalid: ${problems}`);
    }
    const organisationId = await systemTransaction(this.dataSource, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const organisation = await this.ensureOrganisation(manager);
      const existing = await this.frameworks.findByKey(organisation.id, validation.document.key, manager);
      if (!existing) {
        await this.frameworks.createFromDocument(organisation.id, validation.document, { publish: true }, manager);
        this.logger.log(`Seeded the ${validation.document.name} for ${organisation.name}`);
      }
      await this.ensurePeople(manager, organisation.id);
      return organisation.id;
    });
    // Once the people are committed: the activity goes through the services, each in its own transaction.
    if (this.config.TRELLIS_DEMO_ACTIVITY) await this.activity.seed(organisationId);
    // Mentoring last: its mentors' ratings join the history the activity wrote (seeded once, under the seed lock).
    if (this.config.TRELLIS_SEED_DEMO_MENTORING) {
      await systemTransaction(this.dataSource, async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
        if (await seedMentoringDemo(manager, organisationId)) this.logger.log('Seeded the demo mentoring');
      });
    }
    // Where reports are kept current, the demo's current snapshot now (a second or two), so leadership sees
    // figures at once instead of "being prepared" until the job's first pass; the month ends follow from the job.
    if (this.config.REPORTS_REFRESH_SECONDS > 0) await this.reports.refresh(organisationId, { months: false });
  }

  private async ensureOrganisation(manager: EntityManager): Promise<OrganisationRecord> {
    const found = await this.organisations.findBySlug(manager, demoOrganisation.slug);
    return found ?? this.organisations.create(manager, demoOrganisation.name, demoOrganisation.slug);
  }

  private async ensurePeople(manager: EntityManager, organisationId: string): Promise<void> {
    if ((await countPeople(manager, organisationId)) > 0) return;

    const teamIds = new Map<string, string>();
    for (const { path } of demoOrganisation.teams) {
      const segments = path.split('/');
      const id = randomUUID();
      const parentPath = segments.slice(0, -1).join('/');
      await insertTeam(manager, {
        organisationId,
        id,
        name: segments[segments.length - 1]!,
        parentId: parentPath ? teamIds.get(parentPath)! : null,
      });
      teamIds.set(path, id);
    }

    const roleIds = await this.frameworks.publishedRoleIds(manager, organisationId, pmoFramework.key);

    // One hash for every demo account: they share the local demo password.
    const passwordHash = await hashPassword(this.config.TRELLIS_DEMO_PASSWORD);
    const personIds = new Map(demoOrganisation.people.map((person) => [person.email, randomUUID()]));
    // Managers are listed before their reports, so each insert's manager already exists.
    for (const person of demoOrganisation.people) {
      const roleId = roleIds.get(person.role);
      if (!roleId) throw new Error(`Demo person ${person.email} holds unknown role "${person.role}"`);
      const accountId = await this.identity.ensureAccount(manager, person.email, passwordHash);
      await insertPerson(manager, {
        organisationId,
        id: personIds.get(person.email)!,
        email: person.email,
        name: person.name,
        jobTitle: person.jobTitle,
        teamId: teamIds.get(person.team)!,
        managerId: person.manager ? personIds.get(person.manager)! : null,
        currentRoleId: roleId,
        startDate: person.startDate,
        accountId,
        accessRole: person.accessRole,
      });
    }
    this.logger.log(`Seeded ${demoOrganisation.people.length} demo people in ${demoOrganisation.teams.length} teams`);
    if (this.config.TRELLIS_DEMO_CROWD) {
      const named = demoOrganisation.people.map((person) => ({ team: person.team, roleId: roleIds.get(person.role)! }));
      const crowd = await seedDemoCrowd(manager, { organisationId, teamIds, personIds, named });
      this.logger.log(`Seeded ${crowd} demo colleagues without accounts (reports need groups of at least 5)`);
    }
  }
}
