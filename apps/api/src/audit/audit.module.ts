import { Global, Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { auditPaths } from './audit.openapi';
import { AuditController } from './audit.controller';
import { AuditHeadsOpenDataController, AuditHeadsOpenDataService } from './audit-heads.open-data';
import { AuditHeadsPublisher } from './audit-heads.publisher';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every feature module records its changes through AuditService. */
@Global()
@OpenApiPaths(auditPaths)
@Module({
  controllers: [AuditController, AuditHeadsOpenDataController],
  providers: [AuditService, AuditRepository, AuditHeadsPublisher, AuditHeadsOpenDataService],
  exports: [AuditService],
})
export class AuditModule {}
