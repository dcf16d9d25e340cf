import { parisToday, type DataUseDto, type Neighbourhood } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Content } from '@/i18n/content';

import { reviewState, sunsetState } from '../dates';
import { dataUseExplanations, dataUseLabels } from '../labels';
import { dateFormatter, NotProvided, present } from './present';
import styles from './register.module.css';

/** The key facts, first thing after the summary: who, what status, how automated, until when. */
export async function RecordFacts({ record, neighbourhoods }: { record: DataUseDto; neighbourhoods: Neighbourhood[] }) {
  const [t, labels, explain, formatDate] = [
    await getTranslations('Register.record'),
    dataUseLabels(await getTranslations('Register.labels')),
    dataUseExplanations(await getTranslations('Register.explain')),
    await dateFormatter(),
  ];
  const { content } = record;
  const show = present(content.redactions);
  const today = parisToday();

  const review = reviewState(content.lifecycle.reviewDate, record.reviewOverdue, today);
  let reviewText: string;
  if (review.kind === 'none') reviewText = t('reviewNone');
  else if (review.kind === 'today') reviewText = t('reviewToday', { date: formatDate(review.date) });
  else if (review.kind === 'upcoming') reviewText = t('reviewUpcoming', { date: formatDate(review.date), days: review.days });
  else reviewText = review.days > 0 ? t('reviewOverdue', { date: formatDate(review.date), days: review.days }) : t('reviewOverdueToday', { date: formatDate(review.date) });

  const sunset = sunsetState(content.lifecycle.sunsetDate, record.sunsetPassed, today);
  let sunsetText: string;
  if (sunset.kind === 'none') sunsetText = t('sunsetNone');
  else if (sunset.kind === 'passed') sunsetText = t('sunsetPassed', { date: formatDate(sunset.date) });
  else sunsetText = t('sunsetPlanned', { date: formatDate(sunset.date), days: sunset.days });

  const names = content.neighbourhoodIds.map((id) => neighbourhoods.find((n) => n.id === id)?.name).filter((name): name is string => Boolean(name));

  return (
    <section aria-labelledby="essentiel" className="section">
      <h2 id="essentiel">{t('factsTitle')}</h2>
      <dl className={styles.facts}>
        <dt>{t('facts.controller')}</dt>
        <dd>{show('accountability.controller', content.accountability.controller)}</dd>

        <dt>{t('facts.status')}</dt>
        <dd>
          <strong>{labels.status(content.lifecycle.status)}</strong>. {explain('status', content.lifecycle.status)}
        </dd>

        <dt>{t('facts.domain')}</dt>
        <dd>{labels.domain(content.domain)}</dd>

        <dt>{t('facts.automation')}</dt>
        <dd>
          <strong>{labels.automationLevel(content.automation.level)}</strong>. {explain('automationLevel', content.automation.level)}
        </dd>

        <dt>{t('facts.review')}</dt>
        <dd>{review.kind === 'overdue' ? <strong>{reviewText}</strong> : reviewText}</dd>

        <dt>{t('facts.sunset')}</dt>
        <dd>{sunset.kind === 'passed' ? <strong>{sunsetText}</strong> : sunsetText}</dd>

        <dt>{t('facts.neighbourhoods')}</dt>
        <dd>{show('neighbourhoodIds', true, () => (content.neighbourhoodIds.length === 0 ? t('wholeTown') : names.length > 0 ? <Content>{names.join(', ')}</Content> : <NotProvided />))}</dd>

        <dt>{t('facts.people')}</dt>
        <dd>{show('data.estimatedPeopleAffected', content.data.estimatedPeopleAffected, (count) => t('peopleAffected', { count }))}</dd>
      </dl>
    </section>
  );
}
