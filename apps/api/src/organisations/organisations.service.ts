import { Injectable } from '@nestjs/common';
import type { RequestDatabase } from '../database/tenant-database.js';
import type { OrganisationEntity } from './organisation.entity.js';

@Injectable()
export class OrganisationsService {
  async findById(db: RequestDatabase, id: string): Promise<OrganisationEntity | null> {
    const rows = await db.query<OrganisationEntity>(
      'SELECT id, slug, name, created_at AS "createdAt" FROM organisations WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }
}
