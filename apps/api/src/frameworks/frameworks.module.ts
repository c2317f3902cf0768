import { Module } from '@nestjs/common';
import { frameworkPathsResolvers } from './framework-paths.resolvers.js';
import { FrameworkPathsService } from './framework-paths.service.js';
import { frameworkResolvers } from './framework.resolvers.js';
import { FrameworksService } from './frameworks.service.js';

@Module({
  providers: [FrameworksService, FrameworkPathsService, ...frameworkResolvers, ...frameworkPathsResolvers],
  exports: [FrameworksService],
})
export class FrameworksModule {}
