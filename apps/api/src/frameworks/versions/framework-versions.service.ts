import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyExpectationsGrid,
  canonicalFrameworkDocument,
  diffFrameworks,
  expectationsGridRecords,
  impactOfChange,
  migrationQuestions,
  planVersionMigration,
  validateFramework,
  type FrameworkDiff,
  type FrameworkDocument,
  type FrameworkProblem,
  type ImpactPerson,
  type MigrationChoice,
} from '@trellis/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../../audit/audit.service.js';
import { AppError, notFound } from '../../common/errors.js';
import { tenantTransaction } from '../../database/tenant-database.js';
import { activePeople, peopleSql } from '../../people/people-directory.js';
import { FrameworkDocumentsService } from '../framework-documents.service.js';
import { FrameworkDraftsService, problemsError } from '../drafts/framework-drafts.service.js';
import type { FrameworkVersionEntity } from '../framework.entities.js';
import { FrameworksService } from '../frameworks.service.js';
import { ImpactProfiles } from '../version-migration/impact-profiles.js';
import { VersionFollowers, type FollowerReport } from '../version-migration/version-followers.js';

/** A version of a framework picked by number; null picks the draft. */
export type VersionPick = number | null;

interface VersionHead {
  id: string;
  number: number;
}

interface LockedDraft {
  document: FrameworkDocument;
  revision: number;
  updatedAt: Date;
  updatedByName: string | null;
}

export interface PublishPreviewResult {
  draftRevision: number;
  publishedVersionNumber: number | null;
  nextVersionNumber: number;
  problems: FrameworkProblem[];
  diff: (FrameworkDiff & { fromLabel: string; toLabel: string }) | null;
  questions: Array<ReturnType<typeof migrationQuestions>[number] & { options: { key: string; label: string }[] }>;
  impact: ReturnType<typeof impactOfChange>;
  shortfallsCounted: boolean;
}

export interface PublishResult {
  version: FrameworkVersionEntity;
  followers: FollowerReport[];
}

const versionLabel = (pick: VersionPick) => (pick === null ? 'Draft' : `Version ${pick}`);

/**
 * Version history of a framework: diffs between versions (or the draft), the publish preview, publishing
 * the draft as a new immutable version (carrying everything that points at the old one across), and
 * "framework as code" exports and imports. Drafts are stored and edited by FrameworkDraftsService.
 */
@Injectable()
export class FrameworkVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly frameworks: FrameworksService,
    private readonly documents: FrameworkDocumentsService,
    private readonly drafts: FrameworkDraftsService,
    private readonly followers: VersionFollowers,
    private readonly impactProfiles: ImpactProfiles,
    private readonly audit: AuditService,
  ) {}

  /** The document of a version (by number) or of the draft. */
  async document(organisationId: string, frameworkId: string, pick: VersionPick): Promise<FrameworkDocument> {
    return tenantTransaction(this.dataSource, organisationId, (manager) => this.readDocument(manager, organisationId, frameworkId, pick));
  }

  /** The document as JSON: the export ("framework as code"), stable so that exports can be compared. */
  async documentJson(organisationId: string, frameworkId: string, pick: VersionPick): Promise<string> {
    return `${JSON.stringify(canonicalFrameworkDocument(await this.document(organisationId, frameworkId, pick)), null, 2)}\n`;
  }

  /** The expectations grid as CSV, for editing in a spreadsheet. */
  async expectationsCsv(organisationId: string, frameworkId: string, pick: VersionPick): Promise<string> {
    return stringify(expectationsGridRecords(await this.document(organisationId, frameworkId, pick)));
  }

  async diff(organisationId: string, frameworkId: string, from: VersionPick, to: VersionPick) {
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const before = await this.readDocument(manager, organisationId, frameworkId, from);
      const after = await this.readDocument(manager, organisationId, frameworkId, to);
      return { ...diffFrameworks(before, after), fromLabel: versionLabel(from), toLabel: versionLabel(to) };
    });
  }

  /** Everything to review before publishing: the draft's problems, the diff, the migration questions and the impact. */
  async publishPreview(organisationId: string, frameworkId: string): Promise<PublishPreviewResult> {
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const draft = await this.drafts.getDraft(organisationId, frameworkId, manager);
      if (!draft) throw notFound('A draft of this framework');
      const published = await this.publishedHead(manager, organisationId, frameworkId);
      const nextVersionNumber = await this.nextNumber(manager, organisationId, frameworkId);
      const validation = validateFramework(draft.document);
      const base = { draftRevision: draft.revision, publishedVersionNumber: published?.number ?? null, nextVersionNumber };
      if (!validation.ok) {
        return { ...base, problems: validation.problems, diff: null, questions: [], impact: [], shortfallsCounted: false };
      }
      const after = validation.document;
      const before = published ? await this.documents.versionDocument(manager, organisationId, published.id) : emptyLike(after);
      const questions = migrationQuestions(before, after).map((question) => ({
        ...question,
        options:
          question.kind === 'role'
            ? after.roles.map((role) => ({ key: role.key, label: role.title }))
            : after.skills.map((skill) => ({ key: skill.key, label: skill.name })),
      }));
      // The preview carries people as the suggested answers would.
      const suggested = planVersionMigration(
        before,
        after,
        questions.map((q) => ({ kind: q.kind, fromKey: q.fromKey, toKey: q.suggestedToKey })),
      );
      const { people, shortfallsCounted } = published
        ? await this.impactPeople(manager, organisationId, published.id)
        : { people: [], shortfallsCounted: false };
      return {
        ...base,
        problems: [],
        diff: { ...diffFrameworks(before, after), fromLabel: versionLabel(published?.number ?? null), toLabel: 'Draft' },
        questions,
        impact: impactOfChange(before, after, people, suggested),
        shortfallsCounted,
      };
    });
  }

  /**
   * Publishes the draft as the next version, in one transaction: the draft is locked and must still
   * be at `expectedRevision`; its document must be valid and every gone role and skill answered; the
   * new version is written, the previous one archived, every follower carries its data across, the
   * draft is deleted and the publication is audited. Nothing is written when anything is refused.
   */
  async publish(actor: Actor, frameworkId: string, expectedRevision: number, choices: MigrationChoice[]): Promise<PublishResult> {
    const { organisationId } = actor;
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const framework = await this.lockFramework(manager, organisationId, frameworkId);
      const draft = await this.lockDraft(manager, organisationId, frameworkId);
      if (draft.revision !== expectedRevision) throw staleDraft(draft, expectedRevision);
      const validation = validateFramework(draft.document);
      if (!validation.ok) throw problemsError(validation.problems, 'The draft cannot be published until these are fixed', draft.document);
      const after = validation.document;

      const published = await this.publishedHead(manager, organisationId, frameworkId);
      const before = published ? await this.documents.versionDocument(manager, organisationId, published.id) : emptyLike(after);
      const plan = planVersionMigration(before, after, choices);
      if (plan.problems.length > 0) {
        throw new AppError('BAD_USER_INPUT', `Choose what happens to what is gone: ${plan.problems.map((p) => p.message).join('; ')}.`, {
          problems: plan.problems.map((p) => ({ path: `${p.kind}:${p.fromKey}`, message: p.message })),
        });
      }

      const number = await this.nextNumber(manager, organisationId, frameworkId);
      if (published) {
        await manager.query(`UPDATE framework_versions SET status = 'archived' WHERE organisation_id = $1 AND id = $2`, [organisationId, published.id]);
      }
      const version = await this.frameworks.insertVersion(manager, {
        organisationId,
        frameworkId,
        number,
        status: 'published',
        publishedByPersonId: actor.personId,
        document: after,
      });
      // The key is the framework's identity (drafts keep it); its name and description are versioned with it.
      await manager.query(`UPDATE frameworks SET name = $3, description = $4, updated_at = now() WHERE organisation_id = $1 AND id = $2`, [
        organisationId,
        frameworkId,
        after.name,
        after.description ?? null,
      ]);

      const followers = published
        ? await this.followers.followAll(manager, {
            organisationId,
            frameworkId,
            fromVersionId: published.id,
            toVersionId: version.id,
            ...(await this.idMoves(manager, organisationId, published.id, version.id, plan)),
          })
        : [];
      await this.drafts.deleteDraft(manager, organisationId, frameworkId);

      const diff = diffFrameworks(before, after);
      const moved = followers.map((f) => `${f.describe}: ${f.moved} moved, ${f.cleared} cleared`).join('; ');
      await this.audit.record(manager, actor, {
        action: 'framework.published',
        summary: `Published version ${number} of ${framework.name} (${diff.changeCount} change${diff.changeCount === 1 ? '' : 's'})${moved ? `; ${moved}` : ''}`,
        subjectType: 'framework',
        subjectId: frameworkId,
        details: { versionId: version.id, number, draftRevision: draft.revision, choices, followers },
      });
      return { version, followers };
    });
  }

  /** Applies an expectations grid (CSV) to the draft; every problem is reported with its line and column, and nothing is written when there is any. */
  async importExpectationsCsv(actor: Actor, frameworkId: string, expectedRevision: number, csv: string) {
    let records: string[][];
    try {
      records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    } catch (error) {
      throw problemsError([{ path: `line ${(error as { lines?: number }).lines ?? 1}`, message: `not valid CSV: ${(error as Error).message}` }], 'Nothing was imported');
    }
    const draft = await this.drafts.getDraft(actor.organisationId, frameworkId);
    if (!draft) throw notFound('A draft of this framework');
    // Replacing refuses a stale revision, so a grid read against an older draft is never saved.
    const applied = applyExpectationsGrid(draft.document, records);
    if (!applied.ok) {
      throw problemsError(
        applied.problems.map((p) => ({ path: p.column ? `line ${p.line}, column ${p.column}` : `line ${p.line}`, message: p.message })),
        'Nothing was imported',
      );
    }
    return this.drafts.replaceDraftDocument(actor, frameworkId, expectedRevision, applied.document);
  }

  // -------------------------------------------------------------------------------------------

  private async readDocument(manager: EntityManager, organisationId: string, frameworkId: string, pick: VersionPick): Promise<FrameworkDocument> {
    if (pick === null) {
      const draft = await this.drafts.getDraft(organisationId, frameworkId, manager);
      if (!draft) throw notFound('A draft of this framework');
      return draft.document;
    }
    const rows = (await manager.query(
      `SELECT id FROM framework_versions WHERE organisation_id = $1 AND framework_id = $2 AND number = $3`,
      [organisationId, frameworkId, pick],
    )) as { id: string }[];
    if (!rows[0]) throw notFound(`Version ${pick} of this framework`);
    return this.documents.versionDocument(manager, organisationId, rows[0].id);
  }

  private async lockFramework(manager: EntityManager, organisationId: string, frameworkId: string): Promise<{ name: string }> {
    const rows = (await manager.query(`SELECT name FROM frameworks WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [organisationId, frameworkId])) as {
      name: string;
    }[];
    if (!rows[0]) throw notFound('That framework');
    return rows[0];
  }

  private async lockDraft(manager: EntityManager, organisationId: string, frameworkId: string): Promise<LockedDraft> {
    const rows = (await manager.query(
      `SELECT d.document, d.revision, d.updated_at AS "updatedAt", ${peopleSql.name('d.organisation_id', 'd.updated_by_person_id')} AS "updatedByName"
       FROM framework_drafts d
       WHERE d.organisation_id = $1 AND d.framework_id = $2 FOR UPDATE OF d`,
      [organisationId, frameworkId],
    )) as LockedDraft[];
    if (!rows[0]) throw notFound('A draft of this framework');
    return rows[0];
  }

  private async publishedHead(manager: EntityManager, organisationId: string, frameworkId: string): Promise<VersionHead | null> {
    const rows = (await manager.query(
      `SELECT id, number FROM framework_versions WHERE organisation_id = $1 AND framework_id = $2 AND status = 'published'
       ORDER BY number DESC LIMIT 1`,
      [organisationId, frameworkId],
    )) as VersionHead[];
    return rows[0] ?? null;
  }

  private async nextNumber(manager: EntityManager, organisationId: string, frameworkId: string): Promise<number> {
    const rows = (await manager.query(
      `SELECT coalesce(max(number), 0)::int + 1 AS next FROM framework_versions WHERE organisation_id = $1 AND framework_id = $2`,
      [organisationId, frameworkId],
    )) as { next: number }[];
    return rows[0]?.next ?? 1;
  }

  /** The migration plan's keys as ids: every role and skill of the old version → the id of its successor. */
  private async idMoves(
    manager: EntityManager,
    organisationId: string,
    fromVersionId: string,
    toVersionId: string,
    plan: ReturnType<typeof planVersionMigration>,
  ): Promise<{ roles: Map<string, string | null>; skills: Map<string, string | null> }> {
    const ids = async (table: 'roles' | 'skills', versionId: string) => {
      const rows = (await manager.query(`SELECT key, id FROM ${table} WHERE organisation_id = $1 AND framework_version_id = $2`, [organisationId, versionId])) as {
        key: string;
        id: string;
      }[];
      return new Map(rows.map((row) => [row.key, row.id]));
    };
    const translate = (mapping: Map<string, string | null>, oldIds: Map<string, string>, newIds: Map<string, string>) =>
      new Map([...oldIds].map(([key, oldId]) => {
        const successor = mapping.get(key) ?? null;
        return [oldId, successor === null ? null : (newIds.get(successor) ?? null)];
      }));
    return {
      roles: translate(plan.roles, await ids('roles', fromVersionId), await ids('roles', toVersionId)),
      skills: translate(plan.skills, await ids('skills', fromVersionId), await ids('skills', toVersionId)),
    };
  }

  /** The organisation's active people in roles of the version, with the profiles a registered source supplies (as keys). */
  private async impactPeople(manager: EntityManager, organisationId: string, versionId: string): Promise<{ people: ImpactPerson[]; shortfallsCounted: boolean }> {
    // One after another: a transaction's connection runs one statement at a time.
    const people = await activePeople(manager, organisationId);
    const roles = (await manager.query(`SELECT id, key FROM roles WHERE organisation_id = $1 AND framework_version_id = $2`, [organisationId, versionId])) as {
      id: string;
      key: string;
    }[];
    const skills = (await manager.query(`SELECT id, key FROM skills WHERE organisation_id = $1 AND framework_version_id = $2`, [organisationId, versionId])) as {
      id: string;
      key: string;
    }[];
    const profiles = await this.impactProfiles.profiles(manager, organisationId, versionId);
    // A person's role counts when it is one of this version's (roles of other versions are no role here).
    const roleKeys = new Map(roles.map((role) => [role.id, role.key]));
    const skillKeys = new Map(skills.map((skill) => [skill.id, skill.key]));
    return {
      shortfallsCounted: profiles.size > 0,
      people: people.map((person) => {
        const profile = profiles.get(person.id);
        const levels = profile?.levels
          ? Object.fromEntries(Object.entries(profile.levels).flatMap(([skillId, level]) => {
              const key = skillKeys.get(skillId);
              return key ? [[key, level]] : [];
            }))
          : null;
        return {
          personId: person.id,
          roleKey: person.currentRoleId ? (roleKeys.get(person.currentRoleId) ?? null) : null,
          targetRoleKey: profile?.targetRoleId ? (roleKeys.get(profile.targetRoleId) ?? null) : null,
          profile: levels,
        };
      }),
    };
  }
}

/** A framework with nothing in it, to compare a never-published draft against. */
function emptyLike(document: FrameworkDocument): FrameworkDocument {
  return { ...document, proficiencyScale: [], skillCategories: [], skills: [], tracks: [], roles: [], transitions: [], qualifications: [] };
}

function staleDraft(draft: LockedDraft, expectedRevision: number): AppError {
  const by = draft.updatedByName ? ` by ${draft.updatedByName}` : '';
  return new AppError(
    'CONFLICT',
    `The draft was changed${by} at ${draft.updatedAt.toISOString().slice(11, 16)} UTC since you opened it (revision ${draft.revision}, you have ${expectedRevision}). Reload it and review the changes before publishing.`,
    { revision: draft.revision },
  );
}
