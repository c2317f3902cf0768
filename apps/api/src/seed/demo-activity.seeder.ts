import { Faker, en } from '@faker-js/faker';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { insertDatedAssessments, type DatedAssessment } from '../assessments/assessments-directory.js';
import { hasAnyPlan } from '../plans/plans-directory.js';
import { systemTransaction } from '../database/tenant-database.js';
import { publishedRole, versionParts } from '../frameworks/framework-directory.js';
import { activePeople, type PersonRecord } from '../people/people-directory.js';
import { PlanActionsService } from '../plans/plan-actions.service.js';
import { PlanCheckInsService } from '../plans/plan-check-ins.service.js';
import { PlanLifecycleService } from '../plans/plan-lifecycle.service.js';
import type { PlanDetailRow } from '../plans/plan-rows.js';
import { DEMO_FAKER_SEED, RATING_HISTORY_DAYS, demoCrowdPlans, demoPlans, type DemoPlan } from './demo-activity.js';
import { demoCrowdMembers } from './demo-crowd.js';
import { pmoFramework } from '@trellis/domain';

/** Arbitrary constant: one process at a time seeds the demo's activity (a session lock: the work spans transactions). */
const ACTIVITY_LOCK = 7_104_152;
const DAY_MS = 86_400_000;

/** The seed acts as each demo person; no request is behind it (nothing it does reads someone else's data unseen). */
const SEED_REQUEST = { ip: null, headers: { 'user-agent': 'trellis-seed' } } as unknown as FastifyRequest;

/**
 * Seeds the demo organisation's activity once (when it has no plan yet): dated self
 * and manager ratings with evidence for everyone, then the plans of demo-activity.ts through the plans
 * service (focused proposals, suggestions added, proposals, agreements, check-ins, completion), with
 * later ratings going up so readiness forecasts move. Deterministic for a seed day (faker, fixed seed).
 */
@Injectable()
export class DemoActivitySeeder {
  private readonly logger = new Logger(DemoActivitySeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: PlanLifecycleService,
    private readonly actions: PlanActionsService,
    private readonly checkIns: PlanCheckInsService,
  ) {}

  async seed(organisationId: string, now = new Date()): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [ACTIVITY_LOCK]);
      // Plans are what only this seed makes (other demo seeds add ratings: mentors, the crowd).
      const done = await systemTransaction(this.dataSource, (manager) => hasAnyPlan(manager, organisationId));
      if (done) return;
      await this.seedActivity(organisationId, now);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [ACTIVITY_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  private async seedActivity(organisationId: string, now: Date): Promise<void> {
    const faker = new Faker({ locale: [en] });
    faker.seed(DEMO_FAKER_SEED);
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);

    const { people, skillIds, roleIds } = await systemTransaction(this.dataSource, (manager) => this.read(manager, organisationId));
    const byEmail = new Map(people.map((p) => [p.email, p]));
    const roleKeyById = new Map([...roleIds].map(([key, id]) => [id, key]));
    const planned = new Map(demoPlans.map((p) => [p.email, p]));

    // 1. Everyone's first ratings (self, and their manager's for about half), months ago; later raises come after the plans.
    const first: DatedAssessment[] = [];
    const raises: DatedAssessment[] = [];
    for (const person of people) {
      const role = pmoFramework.roles.find((r) => r.key === roleKeyById.get(person.currentRoleId ?? ''));
      if (!role) continue;
      const expectations = Object.entries(role.expectations).filter(([key, level]) => level > 0 && skillIds.has(key));
      // Most people rate a good part of their role; the demo PMO Analyst rates about a third (the "9 of 30").
      const share = person.email === 'dan.kowalski@demo.example' ? 0.33 : faker.number.float({ min: 0.55, max: 0.9 });
      const rated = faker.helpers.arrayElements(expectations, Math.max(3, Math.round(expectations.length * share)));
      const startDays = faker.number.int({ min: RATING_HISTORY_DAYS.first[0], max: RATING_HISTORY_DAYS.first[1] });
      for (const [skillKey, expected] of rated) {
        const level = clamp(expected + faker.helpers.weightedArrayElement([{ value: -1, weight: 3 }, { value: 0, weight: 5 }, { value: 1, weight: 1 }]));
        const self = rating(organisationId, person.id, person.id, skillIds.get(skillKey)!, level, 'self', at(startDays - faker.number.int({ min: 0, max: 14 })), evidence(faker, skillKey));
        first.push(self);
        if (person.managerId && faker.datatype.boolean()) {
          const managerLevel = clamp(level + faker.helpers.weightedArrayElement([{ value: -1, weight: 2 }, { value: 0, weight: 5 }]));
          first.push({ ...self, id: randomUUID(), source: 'manager', assessedById: person.managerId, level: managerLevel, assessedAt: at(startDays - 20), evidenceNote: managerNote(faker) });
        }
        // A third of the skills grew since: a self rating one level up (and the manager agreeing, sometimes).
        const spec = planned.get(person.email);
        if (level < 5 && faker.number.float() < (spec ? 0.5 : 0.34)) {
          // After the plan was made (its proposal rests on the ratings before it).
          const latest = spec ? Math.min(RATING_HISTORY_DAYS.raised[1], spec.createdDaysAgo - 2) : RATING_HISTORY_DAYS.raised[1];
          const raisedDays = faker.number.int({ min: Math.min(RATING_HISTORY_DAYS.raised[0], latest), max: latest });
          const up = { ...self, id: randomUUID(), level: level + 1, assessedAt: at(raisedDays), ...evidence(faker, skillKey) };
          raises.push(up);
          if (person.managerId && faker.datatype.boolean()) {
            raises.push({ ...up, id: randomUUID(), source: 'manager', assessedById: person.managerId, assessedAt: at(raisedDays - 3), evidenceNote: managerNote(faker), evidenceUrl: null });
          }
        }
      }
    }
    // Dan's raises stay in his history (his forecast moves); others' raises after their plans exist.
    await systemTransaction(this.dataSource, (manager) => insertDatedAssessments(manager, [...first, ...raises.filter((r) => !planned.has(emailOf(people, r.personId)))]));

    // 2. The plans, through the plans service, in the order of time.
    for (const spec of demoPlans) {
      const person = byEmail.get(spec.email);
      const targetRoleId = roleIds.get(spec.target);
      if (!person || !targetRoleId) throw new Error(`Demo plan for ${spec.email} towards ${spec.target}: unknown person or role`);
      await this.followPlan(faker, organisationId, person, spec, targetRoleId, at);
    }
    // 3. The raises of people with plans, after their plans (their plan vs actual and readiness move).
    await systemTransaction(this.dataSource, (manager) => insertDatedAssessments(manager, raises.filter((r) => planned.has(emailOf(people, r.personId)))));
    // 4. The crowd's plans (when the crowd was seeded), so every demo manager's team has plans in every state.
    const crowdPlans = demoCrowdPlans(demoCrowdMembers()).filter((spec) => byEmail.has(spec.email));
    for (const spec of crowdPlans) {
      await this.followPlan(faker, organisationId, byEmail.get(spec.email)!, spec, roleIds.get(spec.target)!, at);
    }
    this.logger.log(`Seeded the demo's activity: ${first.length + raises.length} ratings, ${demoPlans.length + crowdPlans.length} plans`);
  }

  private async followPlan(faker: Faker, organisationId: string, person: PersonRecord, spec: DemoPlan, targetRoleId: string, at: (days: number) => Date) {
    const owner = { organisationId, personId: person.id, request: SEED_REQUEST };
    const manager = person.managerId ? { organisationId, personId: person.managerId, request: SEED_REQUEST } : null;
    let day = spec.createdDaysAgo;
    let plan: PlanDetailRow = await this.lifecycle.createFromTarget(owner, { targetRoleId, reviewRhythmWeeks: spec.reviewRhythmWeeks, timeZone: 'Europe/London' }, at(day));
    const proposal = plan.revisions.find((r) => r.number === plan.revision)?.proposal;
    const open = (proposal?.suggestions ?? []).filter((s) => !plan.actions.some((a) => a.suggestionId === s.id));
    if (spec.extraSuggestions > 0 && open.length > 0) {
      plan = await this.actions.addSuggestions(owner, { planId: plan.id, expectedVersion: plan.version, suggestionIds: open.slice(0, spec.extraSuggestions).map((s) => s.id) }, at(day - 1));
    }
    for (const action of plan.actions) {
      const due = at(day - faker.number.int({ min: 45, max: 150 })).toISOString().slice(0, 10);
      plan = await this.actions.updateAction(owner, { actionId: action.id, expectedPlanVersion: plan.version, dueOn: due }, at(day - 1));
    }
    if (spec.state === 'draft') return;
    day -= 2;
    plan = await this.lifecycle.transition(owner, plan.id, plan.version, 'propose', null, at(day));
    if (spec.state === 'proposed' || !manager) return;
    day -= faker.number.int({ min: 2, max: 6 });
    plan = await this.lifecycle.transition(manager, plan.id, plan.version, 'agree', null, at(day));
    if (spec.state === 'agreed') return;

    const focus = proposal?.focus ?? [];
    for (const [i, checkInDay] of spec.checkInsDaysAgo.entries()) {
      const last = i === spec.checkInsDaysAgo.length - 1;
      const progress = plan.actions
        .filter((a) => a.status !== 'dropped')
        .map((a, j) => ({ actionId: a.id, status: (last && j === 0) || (i > 0 && j === 0) ? ('done' as const) : j % 2 === 0 ? ('in-progress' as const) : a.status, note: faker.datatype.boolean() ? actionNote(faker) : null }));
      const by = i % 2 === 1 && manager ? manager : owner;
      plan = await this.checkIns.recordCheckIn(
        by,
        {
          planId: plan.id,
          expectedVersion: plan.version,
          reflection: reflection(faker),
          progress,
          focus: focus.map((f, k) => ({ skillKey: f.skillKey, progress: ['not-started', 'some-progress', 'good-progress', 'aim-reached'][Math.min(3, i + (k % 2) + 1)]!, note: faker.datatype.boolean() ? actionNote(faker) : null })),
          privateNote: by === owner && faker.datatype.boolean() ? 'Ask about the budget for the course before the next review.' : null,
        },
        at(checkInDay),
      );
      // Evidence on what was done.
      const done = plan.actions.find((a) => a.status === 'done' && !a.evidence);
      if (done) plan = await this.actions.updateAction(owner, { actionId: done.id, expectedPlanVersion: plan.version, evidence: `https://intranet.demo.example/evidence/${faker.string.alphanumeric(8).toLowerCase()}` }, at(checkInDay - 1));
    }
    if (spec.state === 'completed') await this.lifecycle.transition(owner, plan.id, plan.version, 'complete', null, at(Math.max(1, (spec.checkInsDaysAgo.at(-1) ?? day) - 10)));
    if (spec.state === 'abandoned') await this.lifecycle.transition(owner, plan.id, plan.version, 'abandon', null, at(Math.max(1, (spec.checkInsDaysAgo.at(-1) ?? day) - 20)));
  }

  private async read(manager: EntityManager, organisationId: string) {
    const people = await activePeople(manager, organisationId);
    const anyRole = people.find((p) => p.currentRoleId)?.currentRoleId;
    const role = anyRole ? await publishedRole(manager, organisationId, anyRole) : null;
    if (!role) throw new Error('The demo organisation has no published framework to rate against');
    const parts = await versionParts(manager, organisationId, role.frameworkVersionId);
    const ids = (kind: string) => new Map(parts.filter((p) => p.kind === kind).map((p) => [p.key, p.id]));
    return { people, skillIds: ids('skill'), roleIds: ids('role') };
  }
}

function clamp(level: number): number {
  return Math.max(1, Math.min(5, level));
}

function emailOf(people: readonly PersonRecord[], personId: string): string {
  return people.find((p) => p.id === personId)?.email ?? '';
}

function rating(organisationId: string, personId: string, byId: string, skillId: string, level: number, source: 'self' | 'manager', assessedAt: Date, text: { evidenceNote: string | null; evidenceUrl: string | null }): DatedAssessment {
  return { organisationId, id: randomUUID(), personId, skillId, level, source, assessedById: byId, assessedAt, ...text };
}

const WORK = ['the finance system upgrade', 'the office move', 'the CRM migration', 'the quarterly portfolio review', 'the data centre exit', 'the new starter process', 'the supplier re-tender', 'the regulatory reporting change'];

function evidence(faker: Faker, skillKey: string): { evidenceNote: string | null; evidenceUrl: string | null } {
  const what = faker.helpers.arrayElement(WORK);
  const skill = pmoFramework.skills.find((s) => s.key === skillKey)?.name.toLowerCase() ?? 'this skill';
  const note = faker.helpers.arrayElement([
    `Used ${skill} on ${what}; the sponsor signed off the outcome.`,
    `Led the ${skill} work for ${what} from start to finish.`,
    `Feedback from ${faker.person.firstName()} after ${what}: clear and on time.`,
  ]);
  return { evidenceNote: note, evidenceUrl: faker.datatype.boolean({ probability: 0.3 }) ? `https://intranet.demo.example/projects/${faker.string.alphanumeric(6).toLowerCase()}` : null };
}

function managerNote(faker: Faker): string {
  return faker.helpers.arrayElement([
    'Seen first hand at the steering group: consistent with the level.',
    'Agreed from the project closure report.',
    'A level lower for now: needs to do this without support first.',
    `Confirmed with ${faker.person.firstName()}, who sponsored the work.`,
  ]);
}

function actionNote(faker: Faker): string {
  return faker.helpers.arrayElement(['Booked for next month.', 'Half done; the rest after the release.', 'Done with the team, notes shared.', 'Slipped: the project went live late.']);
}

function reflection(faker: Faker): string {
  return faker.helpers.arrayElement([
    `A busy month on ${faker.helpers.arrayElement(WORK)}, but I kept time for the plan and it showed in the reviews.`,
    'Good progress on the focus skills; the course is booked and my manager has seen the first results.',
    'Less than I hoped: delivery pressure took the time. Next month I will block Friday afternoons for it.',
    `Ran my first session on my own; ${faker.person.firstName()} gave useful feedback on pacing.`,
  ]);
}
