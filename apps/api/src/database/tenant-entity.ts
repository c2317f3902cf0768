import { JoinColumn, PrimaryColumn } from 'typeorm';

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

/** A composite foreign key that always carries the organisation. */
export function tenantJoin(column: string) {
  return JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: column, referencedColumnName: 'id' },
  ]);
}

/**
 * The navigation property of a foreign key to another module's table. Such a relation names the
 * table (`@ManyToOne('people', ...)`), not the class, so an entity file imports no other module's
 * entities (and entity files cannot import each other in a circle). Nothing loads it: the other
 * module's rows are read through that module's service.
 */
export type ForeignRow = never;
