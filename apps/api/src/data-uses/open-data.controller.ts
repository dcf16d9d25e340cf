import { openDataController } from '../open-data/open-data.controller';
import { DataUsesOpenDataService } from './open-data.service';

/** /open-data/data-uses.json, .csv and .atom. */
export const OpenDataController = openDataController({ name: 'data-uses', csvFilename: 'registre-usages-donnees.csv' }, DataUsesOpenDataService);
