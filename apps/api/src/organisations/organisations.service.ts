import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestDatabase } from '../database/tenant-database.js';
import { OrganisationEntity } from './organisation.entity.js';

export interface OrganisationRecord {
  id: string;
  slug: string;
  name: string;
}

@Injectable()
export class OrganisationsService {
  async findById(db: RequestDatabase, id: string): Promise<OrganisationEntity | null> {
    const rows = await db.query<OrganisationEntity>(
      'SELECT id, slug, name, created_at AS "createdAt" FROM organisations WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** In the caller's transaction; null when there is none with that id. */
  find(manager: EntityManager, id: string): Promise<OrganisationRecord | null> {
    return manager.findOne(OrganisationEntity, { where: { id }, select: { id: true, slug: true, name: true } });
  }

  /** Every organisation's id (jobs that visit each organisation, in a system transaction). */
  async allIds(manager: EntityManager): Promise<string[]> {
    return (await manager.find(OrganisationEntity, { select: { id: true }, order: { id: 'ASC' } })).map((row) => row.id);
  }

  findBySlug(manager: EntityManager, slug: string): Promise<OrganisationRecord | null> {
    return manager.findOne(OrganisationEntity, { where: { slug }, select: { id: true, slug: true, name: true } });
  }

  /** A new organisation (in the caller's system transaction); its slug is made from the name, made unique if taken. */
  async create(manager: EntityManager, name: string, slug?: string): Promise<OrganisationRecord> {
    const organisation = { id: randomUUID(), slug: slug ?? (await this.freeSlug(manager, name)), name };
    await manager.insert(OrganisationEntity, organisation);
    return organisation;
  }

  private async freeSlug(manager: EntityManager, name: string): Promise<string> {
    const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'organisation';
    for (let attempt = 0; ; attempt += 1) {
      const slug = attempt === 0 ? base : `${base}-${randomUUID().slice(0, 6)}`;
      if (!(await manager.existsBy(OrganisationEntity, { slug }))) return slug;
    }
  }
}
