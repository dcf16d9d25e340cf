import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  CreateDataUseSchema,
  canOnDataUse,
  DataUseQuerySchema,
  DataUseReferenceParamsSchema,
  DataUseVersionParamsSchema,
  DataUseTransitionSchema,
  PublishDataUseSchema,
  UpdateDataUseSchema,
  type Actor,
  type CreateDataUse,
  type DataUseDiff,
  type DataUseDto,
  type DataUseFollow,
  type DataUseTransition,
  type DataUseQuery,
  type DataUseVersionSummary,
  type PublishDataUse,
  type UpdateDataUse,
} from '@sesame/domain';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { DataUsesService } from './data-uses.service';

const reference = new ZodPipe(DataUseReferenceParamsSchema);
/** Checked before the body is read, so a refused caller learns nothing from validation errors. */
const editorsOnly = (actor: Actor) => canOnDataUse('data-uses.create', { actor });

@Controller('data-uses')
export class DataUsesController {
  constructor(private readonly dataUses: DataUsesService) {}

  @Get()
  @Public()
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(DataUseQuerySchema)) query: DataUseQuery) {
    return this.dataUses.list(actor, query);
  }

  @Post()
  @RequirePolicy(editorsOnly)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(CreateDataUseSchema)) body: CreateDataUse): Promise<DataUseDto> {
    return this.dataUses.create(actor, body.content);
  }

  @Get(':reference')
  @Public()
  get(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }): Promise<DataUseDto> {
    return this.dataUses.get(actor, params.reference);
  }

  @Put(':reference')
  @RequirePolicy(editorsOnly)
  update(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }, @Body(new ZodPipe(UpdateDataUseSchema)) body: UpdateDataUse): Promise<DataUseDto> {
    return this.dataUses.update(actor, params.reference, body);
  }

  @Post(':reference/publish')
  @RequirePolicy(editorsOnly)
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }, @Body(new ZodPipe(PublishDataUseSchema)) body: PublishDataUse): Promise<DataUseDto> {
    return this.dataUses.publish(actor, params.reference, body.expectedRevision);
  }

  @Post(':reference/suspend')
  @RequirePolicy(editorsOnly)
  @HttpCode(200)
  suspend(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }, @Body(new ZodPipe(DataUseTransitionSchema)) body: DataUseTransition): Promise<DataUseDto> {
    return this.dataUses.transition(actor, params.reference, 'suspend', body);
  }

  @Post(':reference/retire')
  @RequirePolicy(editorsOnly)
  @HttpCode(200)
  retire(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }, @Body(new ZodPipe(DataUseTransitionSchema)) body: DataUseTransition): Promise<DataUseDto> {
    return this.dataUses.transition(actor, params.reference, 'retire', body);
  }

  @Put(':reference/follow')
  follow(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }): Promise<DataUseFollow> {
    return this.dataUses.follow(actor, params.reference);
  }

  @Delete(':reference/follow')
  unfollow(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }): Promise<DataUseFollow> {
    return this.dataUses.unfollow(actor, params.reference);
  }

  @Get(':reference/versions')
  @Public()
  versions(@CurrentActor() actor: Actor, @Param(reference) params: { reference: string }): Promise<DataUseVersionSummary[]> {
    return this.dataUses.versions(actor, params.reference);
  }

  @Get(':reference/versions/:version/diff')
  @Public()
  diff(@CurrentActor() actor: Actor, @Param(new ZodPipe(DataUseVersionParamsSchema)) params: { reference: string; version: number }): Promise<DataUseDiff> {
    return this.dataUses.diff(actor, params.reference, params.version);
  }
}
