import type { FrameworkDocument } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { versionParts } from '../frameworks/framework-directory.js';
import type { FrameworkDocumentsService } from '../frameworks/framework-documents.service.js';

/**
 * A stored framework version in the domain's portable form (skills and roles by key), with the
 * id ↔ key maps needed to turn the domain's answers back into rows.
 */
export interface VersionDocument {
  versionId: string;
  doc: FrameworkDocument;
  skillIdByKey: Map<string, string>;
  roleKeyById: Map<string, string>;
  qualificationIdByKey: Map<string, string>;
}

export async function readVersionDocument(
  documents: FrameworkDocumentsService,
  manager: EntityManager,
  organisationId: string,
  versionId: string,
): Promise<VersionDocument> {
  const doc = await documents.versionDocument(manager, organisationId, versionId);
  const ids = await versionParts(manager, organisationId, versionId);
  const idByKey = (kind: string) => new Map(ids.filter((row) => row.kind === kind).map((row) => [row.key, row.id]));
  return {
    versionId,
    doc,
    skillIdByKey: idByKey('skill'),
    roleKeyById: new Map(ids.filter((row) => row.kind === 'role').map((row) => [row.id, row.key])),
    qualificationIdByKey: idByKey('qualification'),
  };
}
