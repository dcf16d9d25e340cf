import { Injectable } from '@nestjs/common';
import type { Neighbourhood } from '@sesame/domain';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class TerritoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  listNeighbourhoods(): Promise<Neighbourhood[]> {
    return this.prisma.neighbourhood.findMany({ select: { id: true, slug: true, name: true, population: true }, orderBy: { name: 'asc' } });
  }
}
