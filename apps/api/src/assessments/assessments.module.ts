import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AssessmentRollups } from './assessment-rollups.js';
import { assessmentResolvers } from './assessments.resolvers.js';
import { AssessmentsService } from './assessments.service.js';

@Module({ imports: [AuditModule], providers: [AssessmentsService, AssessmentRollups, ...assessmentResolvers], exports: [AssessmentsService, AssessmentRollups] })
export class AssessmentsModule {}
