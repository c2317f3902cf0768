import { Module } from '@nestjs/common';
import { frameworkPathsResolvers } from './framework-paths.resolvers.js';
import { FrameworkPathsService } from './framework-paths.service.js';
import { frameworkResolvers } from './framework.resolvers.js';
import { FrameworksService } from './frameworks.service.js';
import { FrameworkDocumentSchemaController } from './framework-document-schema.controller.js';
import { FrameworkDocumentsService } from './framework-documents.service.js';
import { FrameworkDraftsService } from './drafts/framework-drafts.service.js';
import { FrameworkImportService } from './drafts/framework-import.service.js';
import { frameworkDraftResolvers } from './drafts/framework-draft.resolvers.js';
import { AuditModule } from '../audit/audit.module.js';

@Module({
  imports: [AuditModule],
  controllers: [FrameworkDocumentSchemaController],
  providers: [
    FrameworksService,
    FrameworkDocumentsService,
    FrameworkDraftsService,
    FrameworkImportService,
    FrameworkPathsService,
    ...frameworkResolvers,
    ...frameworkDraftResolvers,
    ...frameworkPathsResolvers,
  ],
  exports: [FrameworksService, FrameworkDocumentsService, FrameworkDraftsService],
})
export class FrameworksModule {}
