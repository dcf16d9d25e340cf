import { Controller, Get } from '@nestjs/common';
import type { Neighbourhood } from '@sesame/domain';
import { Public } from '../auth/access.decorators';
import { TerritoryRepository } from './territory.repository';

@Controller('neighbourhoods')
export class TerritoryController {
  constructor(private readonly territory: TerritoryRepository) {}

  @Get()
  @Public()
  list(): Promise<Neighbourhood[]> {
    return this.territory.listNeighbourhoods();
  }
}
