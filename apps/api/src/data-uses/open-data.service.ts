import { Inject, Injectable } from '@nestjs/common';
import { DataUseContentSchema, OPEN_DATA_LICENCE, OPEN_DATA_USE_FIELDS, openDataRows, parisToday, redactForPublic, type OpenDataUse, type OpenDataUsesDocument } from '@sesame/domain';
import { Feed } from 'feed';
import Papa from 'papaparse';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { DataUsesRepository } from './data-uses.repository';

const FEED_SIZE = 50;

/** The register as open data: every published record's current version, redactions withheld. */
@Injectable()
export class DataUsesOpenDataService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: DataUsesRepository,
  ) {}

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

  async json(): Promise<OpenDataUsesDocument> {
    return { generatedAt: new Date().toISOString(), licence: OPEN_DATA_LICENCE, fields: OPEN_DATA_USE_FIELDS, records: await this.records() };
  }

  /** RFC 4180 CSV, UTF-8, comma-separated, one row per record; list cells joined with " ; ". */
  async csv(): Promise<string> {
    return `${Papa.unparse(openDataRows(await this.records()), { newline: '\r\n', escapeFormulae: true })}\r\n`;
  }

  /** Atom: each publication, new version, suspension or retirement, newest first. */
  async atom(): Promise<string> {
    const site = this.config.WEB_ORIGIN.replace(/\/+$/, '');
    const versions = await this.repository.latestPublishedVersions(FEED_SIZE);
    const entries = versions.map((v) => {
      const content = redactForPublic(DataUseContentSchema.parse(v.content));
      // Version 1 was written as a draft; what readers care about is when it went public.
      const date = v.version === 1 && v.dataUse.publishedAt ? v.dataUse.publishedAt : v.createdAt;
      const link = v.version === 1 ? `${site}/registre/${v.dataUse.reference}` : `${site}/registre/${v.dataUse.reference}/versions/${v.version}`;
      return { reference: v.dataUse.reference, version: v.version, title: content.title, summary: content.summary, note: v.changeNote, date, link };
    });
    entries.sort((a, b) => b.date.getTime() - a.date.getTime());
    const feed = new Feed({
      title: 'Sésame — registre des usages de données',
      description: 'Publications et nouvelles versions des fiches du registre des usages locaux de données personnelles.',
      id: `${site}/registre`,
      link: `${site}/registre`,
      language: 'fr',
      copyright: OPEN_DATA_LICENCE,
      updated: entries[0]?.date ?? new Date(0),
      feedLinks: { atom: `${site}/api/v1/open-data/data-uses.atom` },
    });
    for (const entry of entries) {
      feed.addItem({
        id: `${site}/registre/${entry.reference}#version-${entry.version}`,
        title: `${entry.reference} — ${entry.title} (version ${entry.version})`,
        link: entry.link,
        date: entry.date,
        description: entry.version === 1 ? `Publication. ${entry.summary}` : `${entry.note} — ${entry.summary}`,
      });
    }
    return feed.atom1();
  }
}
