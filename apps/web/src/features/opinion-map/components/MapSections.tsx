import type { OpinionMapView } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { TableScroll } from '@/components/ui/TableScroll';
import { getDateWords } from '@/i18n/dates';

import { mapApi } from '../paths';
import { GroupMark } from './MapFigure';
import styles from './opinion-map.module.css';

type Props = { map: OpinionMapView };

/** What residents wrote: always French, marked so. */
async function Said({ number, text }: { number: number; text: string }) {
  const t = await getTranslations('OpinionMap.labels');
  return (
    <>
      <span className={styles.muted}>{t('number', { number })} </span>
      <q lang="fr">{text}</q>
    </>
  );
}

/** Each group: its size and the statements that set it apart, with the share of the group and of everyone else. */
export async function Groups({ map }: Props) {
  const t = await getTranslations('OpinionMap.groups');
  return (
    <section aria-labelledby="groupes" className={styles.section}>
      <h2 id="groupes">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <div className={styles.groups}>
        {map.groups.map((group) => (
          <article key={group.group} className={styles.group} aria-labelledby={`groupe-${group.group}`}>
            <h3 id={`groupe-${group.group}`}>
              <GroupMark group={group.group} size={18} />
              {t('groupTitle', { group: group.group, size: group.size })}
            </h3>
            {group.characteristic.length === 0 ? (
              <p>{t('noneCharacteristic')}</p>
            ) : (
              <ul className={styles.list}>
                {group.characteristic.map((item) => (
                  <li key={item.number}>
                    <Said number={item.number} text={item.text} />
                    <br />
                    <span className={styles.figures}>{t(item.direction === 'agree' ? 'agreeShare' : 'disagreeShare', { percent: item.percent, others: item.othersPercent })}</span>
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}

/** The statements every group agrees with (group-aware consensus), and the two consensus formulas, explained. */
export async function Common({ map }: Props) {
  const t = await getTranslations('OpinionMap.common');
  const score = (value: number) => Math.round(value * 100);
  return (
    <>
      <section aria-labelledby="rassemble" className={styles.section}>
        <h2 id="rassemble">{t('bridgingTitle')}</h2>
        <p className="prose">{t('bridgingLead')}</p>
        {map.bridging.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ol className={styles.list}>
            {map.bridging.map((item) => (
              <li key={item.number}>
                <Said number={item.number} text={item.text} />
                <br />
                <span className={styles.figures}>
                  {item.fairScore === null ? t('bridgingScore', { score: score(item.score) }) : t('bridgingScores', { score: score(item.score), fair: score(item.fairScore) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="consensus" className={styles.section}>
        <h2 id="consensus">{t('consensusTitle')}</h2>
        <p className="prose">{t('consensusLead')}</p>
        <h3>{t('agreeTitle')}</h3>
        {map.consensus.agree.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className={styles.list}>
            {map.consensus.agree.map((item) => (
              <li key={item.number}>
                <Said number={item.number} text={item.text} /> — <span className={styles.figures}>{t('agreePercent', { percent: item.percent })}</span>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('disagreeTitle')}</h3>
        {map.consensus.disagree.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className={styles.list}>
            {map.consensus.disagree.map((item) => (
              <li key={item.number}>
                <Said number={item.number} text={item.text} /> — <span className={styles.figures}>{t('disagreePercent', { percent: item.percent })}</span>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('fairTitle')}</h3>
        <p className="prose">{t('fairLead')}</p>
        <div className={styles.groups}>
          <div>
            <h4>{t('fairAgreeTitle')}</h4>
            {map.consensus.fairAgree.length === 0 ? (
              <p>{t('none')}</p>
            ) : (
              <ul className={styles.list}>
                {map.consensus.fairAgree.map((item) => (
                  <li key={item.number}>
                    <Said number={item.number} text={item.text} /> — <span className={styles.figures}>{t('fairScore', { score: score(item.score) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4>{t('fairDisagreeTitle')}</h4>
            {map.consensus.fairDisagree.length === 0 ? (
              <p>{t('none')}</p>
            ) : (
              <ul className={styles.list}>
                {map.consensus.fairDisagree.map((item) => (
                  <li key={item.number}>
                    <Said number={item.number} text={item.text} /> — <span className={styles.figures}>{t('fairScore', { score: score(item.score) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>
    </>
  );
}

/** The table alternative to the map: every statement, and how each group voted on it. */
export async function MapTable({ map }: Props) {
  const t = await getTranslations('OpinionMap.table');
  const groups = map.groups.map((group) => group.group);
  return (
    <section aria-labelledby="tableau" className={styles.section}>
      <h2 id="tableau">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <TableScroll captionId="tableau-legende">
        <table className="data-table">
          <caption id="tableau-legende">{t('caption', { count: map.statements.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('statement')}</th>
              {groups.map((group) => (
                <th key={group} scope="col">
                  <GroupMark group={group} />
                  {t('group', { group })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.statements.map((statement) => (
              <tr key={statement.number}>
                <td>{statement.number}</td>
                <th scope="row" lang="fr">
                  {statement.text}
                </th>
                {groups.map((group) => {
                  const share = statement.groups.find((entry) => entry.group === group);
                  return <td key={group}>{share ? t('cell', { agree: share.agreePercent, disagree: share.disagreePercent, voters: share.agree + share.disagree + share.pass }) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** How the map was made: algorithm version, input hash, date, and how anyone can recompute it from open data. */
export async function Method({ map }: Props) {
  const [t, dates] = [await getTranslations('OpinionMap.method'), await getDateWords()];
  return (
    <section aria-labelledby="methode" className={`${styles.section} ${styles.method}`}>
      <h2 id="methode">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <dl>
        <dt>{t('computedAt')}</dt>
        <dd>
          <time dateTime={map.computedAt}>{dates.dateTime(map.computedAt)}</time>
        </dd>
        <dt>{t('figures')}</dt>
        <dd>{t('figuresValue', { voters: map.voters, votes: map.votes })}</dd>
        <dt>{t('version')}</dt>
        <dd>
          <code>{map.algorithmVersion}</code>
        </dd>
        <dt>{t('hash')}</dt>
        <dd>
          <code>{map.inputHash}</code>
        </dd>
      </dl>
      <p className="prose">{t('recompute')}</p>
      <pre className={styles.method}>
        <code>{`npm run opinion-map:recompute -- ${t('address')} ${map.deliberationId}`}</code>
      </pre>
      <ul className={styles.links}>
        <li>
          <ApiLink href={mapApi(map.deliberationId)}>{t('json')}</ApiLink>
        </li>
        <li>
          <Link href="/donnees-ouvertes">{t('openData')}</Link>
        </li>
      </ul>
    </section>
  );
}
