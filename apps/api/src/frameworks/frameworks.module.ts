import { Module } from '@nestjs/common';
import { frameworkResolvers } from './framework.resolvers.js';
import { FrameworksService } from './frameworks.service.js';
import { FrameworkDocumentSchemaController } from './framework-document-schema.controller.js';

@Module({
  controllers: [FrameworkDocumentSchemaController],
  providers: [FrameworksService, ...frameworkResolvers],
  exports: [FrameworksService],
})
export class FrameworksModule {}
