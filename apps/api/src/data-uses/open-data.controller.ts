import { Controller, Get, Header } from '@nestjs/common';
import type { OpenDataUsesDocument } from '@sesame/domain';
import { Public } from '../auth/access.decorators';
import { DataUsesOpenDataService } from './open-data.service';

@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: DataUsesOpenDataService) {}

  @Get('data-uses.json')
  @Public()
  json(): Promise<OpenDataUsesDocument> {
    return this.openData.json();
  }

  @Get('data-uses.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="registre-usages-donnees.csv"')
  csv(): Promise<string> {
    return this.openData.csv();
  }

  @Get('data-uses.atom')
  @Public()
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  atom(): Promise<string> {
    return this.openData.atom();
  }
}
