import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FrameworkDocumentsService } from '../frameworks/framework-documents.service.js';
import { readVersionDocument, type VersionDocument } from './framework-document.js';

/** How many versions a process keeps (a few per organisation in practice; the oldest read goes first). */
const CAPACITY = 256;

/**
 * The one way plans read a framework version: published (and archived) versions never change, so each
 * is read once per process and kept, keyed by organisation and version id. Safe across processes: no
 * process can see a version change, there is nothing to invalidate. (The framework's own name and
 * description, which can be renamed, ride along in the document; plans never use them.)
 *
 * Only for versions already committed (a plan's, a published role's). A version written in the
 * caller's own transaction (publishing, `PlanVersionFollowers`) is read with `readVersionDocument`:
 * a rollback would leave a version in the cache that never existed.
 */
@Injectable()
export class VersionReader {
  private readonly cache = new Map<string, Promise<VersionDocument>>();
  /** Reads from the database since the process started (for tests and benchmarks). */
  misses = 0;

  constructor(private readonly documents: FrameworkDocumentsService) {}

  async read(manager: EntityManager, organisationId: string, versionId: string): Promise<VersionDocument> {
    const key = `${organisationId}:${versionId}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place: the map's order is the order of use.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    this.misses += 1;
    // Read in the caller's transaction (row-level security applies), then kept once it succeeded.
    const document = await readVersionDocument(this.documents, manager, organisationId, versionId);
    this.cache.set(key, Promise.resolve(document));
    while (this.cache.size > CAPACITY) this.cache.delete(this.cache.keys().next().value!);
    return document;
  }
}
