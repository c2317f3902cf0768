import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolvers.js';
import { AuditService } from './audit.service.js';

@Module({ providers: [AuditService, AuditResolver], exports: [AuditService] })
export class AuditModule {}

export const auditResolvers = [AuditResolver];
