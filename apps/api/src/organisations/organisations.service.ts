import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OrganisationEntity } from './organisation.entity.js';

export class UnknownOrganisationError extends Error {}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /** The default organisation's id never changes once it exists, so it is looked up once. */
  private defaultOrganisationId: string | undefined;

  /**
   * The id of the organisation a request acts for. Until sign-in exists every request acts for
   * the configured default organisation; sessions will replace this single decision point.
   */
  async organisationIdForRequest(): Promise<string> {
    if (this.defaultOrganisationId) return this.defaultOrganisationId;
    const slug = this.config.TRELLIS_DEFAULT_ORGANISATION;
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ slug });
    if (!organisation) {
      throw new UnknownOrganisationError(`No organisation "${slug}" exists yet: seed it or set TRELLIS_DEFAULT_ORGANISATION`);
    }
    this.defaultOrganisationId = organisation.id;
    return organisation.id;
  }
}
