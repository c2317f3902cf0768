import { Module } from '@nestjs/common';
import { frameworkPathsResolvers } from './framework-paths.resolvers.js';
import { FrameworkPathsService } from './framework-paths.service.js';
import { frameworkResolvers } from './framework.resolvers.js';
import { FrameworksService } from './frameworks.service.js';
import { FrameworkDocumentsService } from './framework-documents.service.js';
import { FrameworkDraftsService } from './drafts/framework-drafts.service.js';
import { frameworkDraftResolvers } from './drafts/framework-draft.resolvers.js';
import { AuditModule } from '../audit/audit.module.js';

@Module({
  imports: [AuditModule],
  providers: [
    FrameworksService,
    FrameworkDocumentsService,
    FrameworkDraftsService,
    FrameworkPathsService,
    ...frameworkResolvers,
    ...frameworkDraftResolvers,
    ...frameworkPathsResolvers,
  ],
  exports: [FrameworksService, FrameworkDocumentsService, FrameworkDraftsService],
})
export class FrameworksModule {}
