import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { assessmentResolvers } from './assessments.resolvers.js';
import { AssessmentsService } from './assessments.service.js';

@Module({ imports: [AuditModule], providers: [AssessmentsService, ...assessmentResolvers], exports: [AssessmentsService] })
export class AssessmentsModule {}
