import { Public } from '../auth/access.decorators';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { AuditHeadsQuerySchema, AuditLogQuerySchema, type AuditEntryPage, type AuditHeadPage, type AuditHeadsQuery, type AuditLogQuery, type AuditVerification } from '@sesame/domain';
import { ZodPipe } from '../common/zod-validation.pipe';
import { AuditService } from './audit.service';

@Public()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  list(@Query(new ZodPipe(AuditLogQuerySchema)) query: AuditLogQuery): Promise<AuditEntryPage> {
    return this.audit.listPublic(query);
  }

  @Get('heads')
  @Header('Cache-Control', 'no-store')
  heads(@Query(new ZodPipe(AuditHeadsQuerySchema)) query: AuditHeadsQuery): Promise<AuditHeadPage> {
    return this.audit.listPublishedHeads(query);
  }

  @Get('verification')
  @Header('Cache-Control', 'no-store')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
