import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { canOnIdentity, PeopleQuerySchema, RoleChangeParamsSchema, type Actor, type PeopleQuery, type PersonSummary, type RoleChangeParams } from '@sesame/domain';
import { CurrentActor, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { PeopleService } from './people.service';

@RequirePolicy((actor: Actor) => canOnIdentity('identity.list-people', { actor }))
@Controller('admin/people')
export class AdminPeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(PeopleQuerySchema)) query: PeopleQuery) {
    return this.people.list(actor, query);
  }

  @Put(':personId/roles/:role')
  grant(@CurrentActor() actor: Actor, @Param(new ZodPipe(RoleChangeParamsSchema)) params: RoleChangeParams): Promise<PersonSummary> {
    return this.people.changeRole(actor, params.personId, params.role, 'grant');
  }

  @Delete(':personId/roles/:role')
  revoke(@CurrentActor() actor: Actor, @Param(new ZodPipe(RoleChangeParamsSchema)) params: RoleChangeParams): Promise<PersonSummary> {
    return this.people.changeRole(actor, params.personId, params.role, 'revoke');
  }
}
