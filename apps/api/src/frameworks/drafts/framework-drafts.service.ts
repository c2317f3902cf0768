import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyDraftOperation,
  blankFrameworkDocument,
  describeOperation,
  nameFrameworkProblems,
  operationTarget,
  pmoFramework,
  targetsOverlap,
  uniqueKey,
  validateFramework,
  type DraftOperation,
  type FrameworkDocument,
  type FrameworkProblem,
} from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../../audit/audit.service.js';
import { AppError, notFound } from '../../common/errors.js';
import { tenantTransaction } from '../../database/tenant-database.js';
import { peopleSql } from '../../people/people-directory.js';
import { FrameworkEntity } from '../framework.entities.js';
import { DRAFT_COLUMNS } from '../framework.loaders.js';
import { FrameworkDocumentsService } from '../framework-documents.service.js';
import { FrameworkDraftChangeEntity, type FrameworkDraftEntity } from './framework-draft.entities.js';

export type FrameworkSource =
  | { kind: 'template'; name: string }
  | { kind: 'copy'; frameworkId: string; name: string }
  | { kind: 'blank'; name: string }
  | { kind: 'import'; json: string; name?: string }
  /** A document read and checked by an importer (FT YAML, Monzo Markdown, spreadsheet…); `origin` says from what, for the audit log. */
  | { kind: 'document'; document: FrameworkDocument; name?: string; origin: string };

/** The target of replacing a whole document: it collides with every change. */
const WHOLE_DOCUMENT = 'document';

/** Problems of an operation or an import, every one with its path, as one BAD_USER_INPUT error. */
/**
 * BAD_USER_INPUT listing every problem. Given the document they were found in, each problem names
 * its part (`Skill "ESG", level 5: …`, not `skills[30].levels.5`) and carries `where`, `section` and
 * `key` in `extensions.problems`, so a client can link to it.
 */
export function problemsError(problems: FrameworkProblem[], lead = 'The change was not saved', document?: unknown): AppError {
  if (document !== undefined) {
    const named = nameFrameworkProblems(document, problems);
    const listed = named.map((p) => `${p.where}: ${p.message}`).join('; ');
    return new AppError('BAD_USER_INPUT', `${lead}: ${listed}.`, { problems: named });
  }
  const listed = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  return new AppError('BAD_USER_INPUT', `${lead}: ${listed}.`, { problems });
}

function clock(at: Date): string {
  return `${at.toISOString().slice(11, 16)} UTC`;
}

interface ChangeRow {
  revision: number;
  target: string;
  summary: string;
  personName: string | null;
  changedAt: Date;
}

/**
 * Framework drafts: the editable copy of a framework (a FrameworkDocument), changed one semantic
 * operation at a time. A save names the revision it was made on; a stale save still applies when
 * nothing it touches changed since, and is refused with who changed what when something did.
 */
@Injectable()
export class FrameworkDraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: FrameworkDocumentsService,
    private readonly audit: AuditService,
  ) {}

  async getDraft(organisationId: string, frameworkId: string, manager?: EntityManager): Promise<FrameworkDraftEntity | null> {
    const read = async (m: EntityManager) => {
      const [row] = (await m.query(
        `SELECT ${DRAFT_COLUMNS} FROM framework_drafts WHERE organisation_id = $1 AND framework_id = $2`,
        [organisationId, frameworkId],
      )) as FrameworkDraftEntity[];
      return row ?? null;
    };
    return manager ? read(manager) : tenantTransaction(this.dataSource, organisationId, read);
  }

  /** Starts editing: a copy of the newest published version. Returns the existing draft when there is one. */
  startDraft(actor: Actor, frameworkId: string): Promise<FrameworkDraftEntity> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const framework = await this.framework(manager, actor.organisationId, frameworkId);
      const existing = await this.getDraft(actor.organisationId, frameworkId, manager);
      if (existing) return existing;
      const [published] = (await manager.query(
        `SELECT id FROM framework_versions WHERE organisation_id = $1 AND framework_id = $2 AND status = 'published'
         ORDER BY number DESC LIMIT 1`,
        [actor.organisationId, frameworkId],
      )) as { id: string }[];
      const document = published
        ? await this.documents.versionDocument(manager, actor.organisationId, published.id)
        : blankFrameworkDocument(framework.name, framework.key);
      // A concurrent start may have inserted it meanwhile: keep theirs.
      const inserted = await this.insertDraft(manager, actor, frameworkId, document, published?.id ?? null, { onConflictKeep: true });
      if (!inserted) return (await this.getDraft(actor.organisationId, frameworkId, manager))!;
      await this.audit.record(manager, actor, {
        action: 'framework.draft.started',
        summary: `Started a draft of ${framework.name}${published ? '' : ' (from a blank document)'}`,
        subjectType: 'framework',
        subjectId: frameworkId,
      });
      return inserted;
    });
  }

  /**
   * Applies operations to the draft in order, atomically. With a stale expectedRevision the
   * operations still apply on top of the newer draft unless a change since then touched what they touch.
   */
  applyOperations(actor: Actor, frameworkId: string, expectedRevision: number, operations: DraftOperation[]): Promise<FrameworkDraftEntity> {
    if (operations.length === 0) throw problemsError([{ path: 'operations', message: 'needs at least one operation' }]);
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const draft = await this.requireDraft(manager, actor.organisationId, frameworkId);
      await this.refuseCollisions(manager, draft, expectedRevision, operations.map(operationTarget));
      let document = draft.document;
      const changes: { target: string; summary: string; operation: DraftOperation }[] = [];
      for (const [index, operation] of operations.entries()) {
        const result = applyDraftOperation(document, operation);
        if ('problems' in result) {
          throw problemsError(result.problems.map((p) => ({ path: `operations[${index}]${p.path ? `.${p.path}` : ''}`, message: p.message })));
        }
        changes.push({ target: result.target, summary: describeOperation(operation, document), operation });
        document = result.document;
      }
      return this.saveChanges(manager, actor, draft, document, changes);
    });
  }

  /** Replaces the whole draft with a validated document (an import into an existing framework); its key stays the framework's. */
  replaceDraftDocument(actor: Actor, frameworkId: string, expectedRevision: number, input: unknown, origin = 'an imported document'): Promise<FrameworkDraftEntity> {
    const validation = validateFramework(input);
    if (!validation.ok) throw problemsError(validation.problems, 'The document was not imported');
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const draft = await this.requireDraft(manager, actor.organisationId, frameworkId);
      await this.refuseCollisions(manager, draft, expectedRevision, [WHOLE_DOCUMENT]);
      const document = { ...validation.document, key: draft.document.key };
      return this.saveChanges(manager, actor, draft, document, [
        { target: WHOLE_DOCUMENT, summary: `replaced the whole draft with ${origin}`, operation: { kind: 'replaceDocument' } },
      ]);
    });
  }

  /**
   * Discards the draft and its change history for good (an admin's "Discard draft", after a
   * confirmation: it cannot be undone). Refused when the draft changed since `expectedRevision`
   * (CONFLICT), and for a framework that was never published (the draft is all it has).
   */
  discardDraft(actor: Actor, frameworkId: string, expectedRevision: number): Promise<void> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [draft] = (await manager.query(
        'SELECT revision FROM framework_drafts WHERE organisation_id = $1 AND framework_id = $2 FOR UPDATE',
        [actor.organisationId, frameworkId],
      )) as { revision: number }[];
      const framework = await this.framework(manager, actor.organisationId, frameworkId);
      if (!draft) throw new AppError('NOT_FOUND', 'This framework has no draft to discard (it was just published or discarded; reload).');
      if (draft.revision !== expectedRevision) {
        throw new AppError('CONFLICT', `The draft changed since you opened it (now revision ${draft.revision}): reload to see the changes before discarding it.`, {
          revision: draft.revision,
        });
      }
      const [published] = (await manager.query(
        `SELECT 1 FROM framework_versions WHERE organisation_id = $1 AND framework_id = $2 AND status = 'published' LIMIT 1`,
        [actor.organisationId, frameworkId],
      )) as unknown[];
      if (!published) throw problemsError([{ path: 'frameworkId', message: `${framework.name} has never been published: its draft is all it has, so it cannot be discarded` }], 'The draft was not discarded');
      await this.deleteDraft(manager, actor.organisationId, frameworkId);
      await this.audit.record(manager, actor, {
        action: 'framework.draft.discarded',
        summary: `Discarded the draft of ${framework.name} (revision ${draft.revision})`,
        subjectType: 'framework',
        subjectId: frameworkId,
      });
    });
  }

  /** Drops a framework's draft and its change history (publishing calls this in its own transaction). */
  async deleteDraft(manager: EntityManager, organisationId: string, frameworkId: string): Promise<void> {
    await manager.query('DELETE FROM framework_drafts WHERE organisation_id = $1 AND framework_id = $2', [organisationId, frameworkId]);
  }

  /**
   * Creates a framework with a draft and no published version yet (publishing makes version 1),
   * from the built-in PMO template, a copy of another framework, a blank document or an imported
   * JSON document. An import with problems reports every one and writes nothing.
   */
  createFramework(actor: Actor, source: FrameworkSource): Promise<FrameworkEntity> {
    const imported = source.kind === 'import' ? this.parseImport(source.json) : null;
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      let document: FrameworkDocument;
      let origin: string;
      switch (source.kind) {
        case 'template':
          document = structuredClone(pmoFramework);
          origin = 'the PMO template';
          break;
        case 'blank':
          document = blankFrameworkDocument(source.name, 'blank');
          origin = 'a blank document';
          break;
        case 'copy': {
          const original = await this.framework(manager, actor.organisationId, source.frameworkId);
          document = await this.currentDocument(manager, actor.organisationId, original);
          origin = `a copy of ${original.name}`;
          break;
        }
        case 'import':
          document = imported!;
          origin = 'an imported document';
          break;
        case 'document':
          document = source.document;
          origin = source.origin;
          break;
      }
      const name = source.name?.trim() || document.name;
      const taken = (await manager.query('SELECT key FROM frameworks WHERE organisation_id = $1', [actor.organisationId])) as { key: string }[];
      const key = uniqueKey(source.kind === 'import' || source.kind === 'document' ? document.key : name, taken.map((row) => row.key));
      document = { ...document, key, name };
      const framework = manager.create(FrameworkEntity, {
        organisationId: actor.organisationId,
        id: randomUUID(),
        key,
        name,
        description: document.description ?? null,
      });
      await manager.insert(FrameworkEntity, framework);
      await this.insertDraft(manager, actor, framework.id, document, null, { onConflictKeep: false });
      await this.audit.record(manager, actor, {
        action: 'framework.created',
        summary: `Created the framework ${name} from ${origin}`,
        subjectType: 'framework',
        subjectId: framework.id,
      });
      return framework;
    });
  }

  private parseImport(json: string): FrameworkDocument {
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch (error) {
      throw problemsError([{ path: '', message: `the file is not valid JSON (${(error as Error).message})` }], 'The document was not imported');
    }
    const validation = validateFramework(input);
    if (!validation.ok) throw problemsError(validation.problems, 'The document was not imported');
    return validation.document;
  }

  /** The draft when there is one, else the newest published version. */
  private async currentDocument(manager: EntityManager, organisationId: string, framework: FrameworkEntity): Promise<FrameworkDocument> {
    const [published] = (await manager.query(
      `SELECT id FROM framework_versions WHERE organisation_id = $1 AND framework_id = $2 AND status = 'published' ORDER BY number DESC LIMIT 1`,
      [organisationId, framework.id],
    )) as { id: string }[];
    if (published) return this.documents.versionDocument(manager, organisationId, published.id);
    const draft = await this.getDraft(organisationId, framework.id, manager);
    return draft ? draft.document : blankFrameworkDocument(framework.name, framework.key);
  }

  private async framework(manager: EntityManager, organisationId: string, frameworkId: string): Promise<FrameworkEntity> {
    const framework = await manager.getRepository(FrameworkEntity).findOneBy({ organisationId, id: frameworkId });
    if (!framework) throw notFound('That framework');
    return framework;
  }

  private async requireDraft(manager: EntityManager, organisationId: string, frameworkId: string): Promise<FrameworkDraftEntity> {
    const draft = await this.getDraft(organisationId, frameworkId, manager);
    if (draft) return draft;
    await this.framework(manager, organisationId, frameworkId);
    throw new AppError('NOT_FOUND', 'This framework has no draft: start editing it first (or it was just published; reload).');
  }

  private async insertDraft(
    manager: EntityManager,
    actor: Actor,
    frameworkId: string,
    document: FrameworkDocument,
    basedOnVersionId: string | null,
    options: { onConflictKeep: boolean },
  ): Promise<FrameworkDraftEntity | null> {
    const [row] = (await manager.query(
      `INSERT INTO framework_drafts (organisation_id, framework_id, document, revision, based_on_version_id, updated_at, updated_by_person_id)
       VALUES ($1, $2, $3, 0, $4, now(), $5) ${options.onConflictKeep ? 'ON CONFLICT DO NOTHING' : ''}
       RETURNING ${DRAFT_COLUMNS}`,
      [actor.organisationId, frameworkId, JSON.stringify(document), basedOnVersionId, actor.personId],
    )) as FrameworkDraftEntity[];
    return row ?? null;
  }

  /** Refuses a stale save when a change made since its revision touched one of its targets. */
  private async refuseCollisions(manager: EntityManager, draft: FrameworkDraftEntity, expectedRevision: number, targets: string[]): Promise<void> {
    if (expectedRevision > draft.revision) {
      throw problemsError([{ path: 'expectedRevision', message: `the draft is only at revision ${draft.revision}` }]);
    }
    if (expectedRevision === draft.revision) return;
    const since = (await manager.query(
      `SELECT c.revision, c.target, c.summary, c.changed_at AS "changedAt", ${peopleSql.name('c.organisation_id', 'c.person_id')} AS "personName"
       FROM framework_draft_changes c
       WHERE c.organisation_id = $1 AND c.framework_id = $2 AND c.revision > $3 ORDER BY c.revision`,
      [draft.organisationId, draft.frameworkId, expectedRevision],
    )) as ChangeRow[];
    const collisions = since.filter((change) =>
      targets.some((target) => target === WHOLE_DOCUMENT || change.target === WHOLE_DOCUMENT || targetsOverlap(target, change.target)),
    );
    if (collisions.length === 0) return;
    const told = collisions.map((c) => `${c.personName ?? 'Someone'} ${c.summary} at ${clock(new Date(c.changedAt))}`);
    throw new AppError('CONFLICT', `${told.join('; ')}: reload to see ${collisions.length === 1 ? 'it' : 'them'}. Your change was not saved.`, {
      revision: draft.revision,
      changes: collisions.map((c) => ({ revision: c.revision, target: c.target, summary: c.summary, by: c.personName, at: new Date(c.changedAt).toISOString() })),
    });
  }

  private async saveChanges(
    manager: EntityManager,
    actor: Actor,
    draft: FrameworkDraftEntity,
    document: FrameworkDocument,
    changes: { target: string; summary: string; operation: Record<string, unknown> }[],
  ): Promise<FrameworkDraftEntity> {
    const now = new Date();
    // The revision read is part of the WHERE: a save committed meanwhile makes this change no row.
    const result = (await manager.query(
      `UPDATE framework_drafts SET document = $4, revision = revision + $5, updated_at = $6, updated_by_person_id = $7
       WHERE organisation_id = $1 AND framework_id = $2 AND revision = $3 RETURNING ${DRAFT_COLUMNS}`,
      [draft.organisationId, draft.frameworkId, draft.revision, JSON.stringify(document), changes.length, now, actor.personId],
    )) as unknown[];
    // For UPDATE … RETURNING, TypeORM's PostgreSQL driver answers [rows, affected row count].
    const row = (Array.isArray(result[0]) ? result[0] : result)[0] as FrameworkDraftEntity | undefined;
    if (!row) throw new AppError('CONFLICT', 'Someone saved this draft at the same moment: reload and try again. Your change was not saved.');
    await manager.insert(
      FrameworkDraftChangeEntity,
      changes.map((change, i) => ({
        organisationId: draft.organisationId,
        frameworkId: draft.frameworkId,
        revision: draft.revision + i + 1,
        target: change.target,
        summary: change.summary,
        operation: change.operation as never,
        personId: actor.personId,
        changedAt: now,
      })),
    );
    for (const [i, change] of changes.entries()) {
      await this.audit.record(manager, actor, {
        action: 'framework.draft.changed',
        summary: `${draft.document.name} draft: ${change.summary}`,
        subjectType: 'framework',
        subjectId: draft.frameworkId,
        details: { revision: draft.revision + i + 1, target: change.target, operation: change.operation },
      });
    }
    return row;
  }
}
