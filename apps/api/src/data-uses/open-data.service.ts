import { Injectable } from '@nestjs/common';
import { DataUseContentSchema, OPEN_DATA_USE_FIELDS, openDataRows, parisToday, redactForPublic, type OpenDataUse } from '@sesame/domain';
import type { AtomFeed } from '../open-data/atom';
import type { OpenDataset } from '../open-data/open-data.controller';
import { DataUsesRepository } from './data-uses.repository';

const FEED_SIZE = 50;

/** The register as open data: every published record's current version, redactions withheld. */
@Injectable()
export class DataUsesOpenDataService implements OpenDataset<OpenDataUse> {
  constructor(private readonly repository: DataUsesRepository) {}

  async records(): Promise<OpenDataUse[]> {
    const today = parisToday();
    return (await this.repository.publishedWithContent()).map((dataUse) => {
      const live = dataUse.lifecycleStatus !== 'retired';
      const review = dataUse.reviewDate?.toISOString().slice(0, 10);
      const sunset = dataUse.sunsetDate?.toISOString().slice(0, 10);
      return {
        reference: dataUse.reference,
        version: dataUse.currentVersion,
        publishedAt: dataUse.publishedAt!.toISOString(),
        updatedAt: dataUse.updatedAt.toISOString(),
        reviewOverdue: live && review !== undefined && review < today,
        sunsetPassed: live && sunset !== undefined && sunset < today,
        content: redactForPublic(DataUseContentSchema.parse(dataUse.current.content)),
      };
    });
  }

  /** The JSON also documents each field and its ATRS / Eurocities counterpart. */
  about() {
    return { fields: OPEN_DATA_USE_FIELDS };
  }

  /** One row per record; list cells joined with " ; ". */
  table(records: OpenDataUse[]): string[][] {
    return openDataRows(records);
  }

  /** Each publication, new version, suspension or retirement. */
  async feed(): Promise<AtomFeed> {
    const versions = await this.repository.latestPublishedVersions(FEED_SIZE);
    return {
      title: 'Sésame — registre des usages de données',
      description: 'Publications et nouvelles versions des fiches du registre des usages locaux de données personnelles.',
      page: '/registre',
      entries: versions.map((v) => {
        const { reference } = v.dataUse;
        const content = redactForPublic(DataUseContentSchema.parse(v.content));
        return {
          id: `/registre/${reference}#version-${v.version}`,
          title: `${reference} — ${content.title} (version ${v.version})`,
          link: v.version === 1 ? `/registre/${reference}` : `/registre/${reference}/versions/${v.version}`,
          // Version 1 was written as a draft; what readers care about is when it went public.
          date: v.version === 1 && v.dataUse.publishedAt ? v.dataUse.publishedAt : v.createdAt,
          description: v.version === 1 ? `Publication. ${content.summary}` : `${v.changeNote} — ${content.summary}`,
        };
      }),
    };
  }
}
