import { Controller, Get, Header, Inject, type Type } from '@nestjs/common';
import { OPEN_DATA_LICENCE } from '@sesame/domain';
import { Public } from '../auth/access.decorators';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { toAtom, type AtomFeed } from './atom';
import { toCsv } from '../common/csv';

/**
 * What a feature publishes as open data. The shared controller serves it as
 * `/open-data/<name>.json` (`{ generatedAt, licence, …about, records }`),
 * `.csv` and `.atom`; a feature implements this in a provider of its module.
 */
export interface OpenDataset<Record = unknown> {
  /** Every public record, as the .json lists them (already redacted). */
  records(): Promise<Record[]>;
  /** More members of the .json document, between the licence and the records (e.g. the field documentation). */
  about?(): object;
  /** The .csv: a header row, then one row per record. */
  table(records: Record[]): string[][];
  /** The .atom feed of recent changes. */
  feed(): Promise<AtomFeed>;
}

export interface OpenDataFiles {
  /** Files are `<name>.json`, `<name>.csv`, `<name>.atom`. */
  name: string;
  /** The name a downloaded CSV is saved under. */
  csvFilename: string;
}

/**
 * A controller serving `dataset` (a provider class of the same module) as
 * `/open-data/<name>.json`, `.csv` and `.atom`, public, with the same
 * content types and CSV/Atom writing for every feature. List the result in
 * the module's `controllers`.
 */
export function openDataController(files: OpenDataFiles, dataset: Type<OpenDataset>): Type<unknown> {
  @Controller('open-data')
  class DatasetController {
    constructor(
      @Inject(API_CONFIG) private readonly config: ApiConfig,
      @Inject(dataset) private readonly dataset: OpenDataset,
    ) {}

    @Get(`${files.name}.json`)
    @Public()
    async json(): Promise<object> {
      return { generatedAt: new Date().toISOString(), licence: OPEN_DATA_LICENCE, ...this.dataset.about?.(), records: await this.dataset.records() };
    }

    @Get(`${files.name}.csv`)
    @Public()
    @Header('content-type', 'text/csv; charset=utf-8')
    @Header('content-disposition', `inline; filename="${files.csvFilename}"`)
    async csv(): Promise<string> {
      return toCsv(this.dataset.table(await this.dataset.records()));
    }

    @Get(`${files.name}.atom`)
    @Public()
    @Header('content-type', 'application/atom+xml; charset=utf-8')
    async atom(): Promise<string> {
      return toAtom(this.config.WEB_ORIGIN, `/api/v1/open-data/${files.name}.atom`, await this.dataset.feed());
    }
  }
  // Named after the dataset in Nest's logs and errors (all would be "DatasetController").
  Object.defineProperty(DatasetController, 'name', { value: `OpenData(${files.name})Controller` });
  return DatasetController;
}
