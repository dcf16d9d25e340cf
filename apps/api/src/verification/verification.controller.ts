import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  CensusMatchSchema,
  CreateInvitationBatchSchema,
  type CensusImportResult,
  type CensusMatch,
  InvitationBatchFormatSchema,
  RedeemInvitationCodeSchema,
  type Actor,
  type CreateInvitationBatch,
  type InvitationBatchSummary,
  type RedeemInvitationCode,
  type ResidentVerification,
  canOnVerification,
} from '@sesame/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentActor, RequirePolicy } from '../auth/access.decorators';
import { ProblemException } from '../common/problem.exception';
import { ZodPipe } from '../common/zod-validation.pipe';
import { CensusService } from './census.service';
import { VerificationService } from './verification.service';

const organizersOnly = (actor: Actor) => canOnVerification('verification.manage', { actor });
const CensusImportQuerySchema = z.object({ neighbourhoodId: z.uuid({ error: 'Quartier inconnu.' }).optional() }).strict();

const uuid = new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('Lot de codes introuvable.') });

@RequirePolicy(organizersOnly)
@Controller('verification/invitation-batches')
export class InvitationBatchesController {
  constructor(private readonly verification: VerificationService) {}

  /** ?format=csv|pdf answers a file to download; json (default) the codes themselves. */
  @Post()
  async create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(CreateInvitationBatchSchema)) body: CreateInvitationBatch,
    @Query(new ZodPipe(InvitationBatchFormatSchema)) query: { format: 'json' | 'csv' | 'pdf' },
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.verification.createBatch(actor, body, query.format);
    response.status(201).setHeader('Cache-Control', 'no-store');
    if (file.kind === 'json') {
      response.json(file.body);
      return;
    }
    response
      .type(file.kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  }

  @Get()
  list(@CurrentActor() actor: Actor): Promise<InvitationBatchSummary[]> {
    return this.verification.listBatches(actor);
  }

  @Post(':batchId/revoke')
  @HttpCode(200)
  revoke(@CurrentActor() actor: Actor, @Param('batchId', uuid) batchId: string): Promise<InvitationBatchSummary> {
    return this.verification.revokeBatch(actor, batchId);
  }
}

@RequirePolicy(organizersOnly)
@Controller('verification/census')
export class CensusController {
  constructor(private readonly census: CensusService) {}

  /** Body: the CSV itself (Content-Type: text/csv). Only keyed hashes are kept. */
  @Post()
  @HttpCode(200)
  import(@CurrentActor() actor: Actor, @Body() csv: unknown, @Query(new ZodPipe(CensusImportQuerySchema)) query: { neighbourhoodId?: string }): Promise<CensusImportResult> {
    return this.census.import(actor, csv, query.neighbourhoodId);
  }
}

@Controller('me/verification')
export class ResidentVerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly census: CensusService,
  ) {}

  @Post('census')
  @HttpCode(200)
  matchCensus(@CurrentActor() actor: Actor, @Body(new ZodPipe(CensusMatchSchema)) body: CensusMatch, @Ip() ip: string): Promise<ResidentVerification> {
    return this.census.match(actor, body, ip);
  }

  @Post()
  @HttpCode(200)
  redeem(@CurrentActor() actor: Actor, @Body(new ZodPipe(RedeemInvitationCodeSchema)) body: RedeemInvitationCode, @Ip() ip: string): Promise<ResidentVerification> {
    return this.verification.redeem(actor, body.code, ip);
  }
}
