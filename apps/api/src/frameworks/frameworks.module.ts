import { Module } from '@nestjs/common';
import { frameworkResolvers } from './framework.resolvers.js';
import { FrameworksService } from './frameworks.service.js';

@Module({
  providers: [FrameworksService, ...frameworkResolvers],
  exports: [FrameworksService],
})
export class FrameworksModule {}
