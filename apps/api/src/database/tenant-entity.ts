import { PrimaryColumn } from 'typeorm';

/**
 * Every row an organisation owns: organisation_id leads the primary key (and every unique
 * constraint, index and foreign key), so the schema can be distributed by organisation.
 */
export abstract class TenantEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  id: string;
}
