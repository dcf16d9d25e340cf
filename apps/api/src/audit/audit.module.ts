import { Global, Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { auditPaths } from './audit.openapi';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every feature module records its changes through AuditService. */
@Global()
@OpenApiPaths(auditPaths)
@Module({ controllers: [AuditController], providers: [AuditService, AuditRepository], exports: [AuditService] })
export class AuditModule {}
