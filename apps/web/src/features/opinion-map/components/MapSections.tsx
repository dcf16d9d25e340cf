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

/** What residents wrote, between « » with no-break spaces: always French, marked so. */
function Quoted({ text }: { text: string }) {
  return (
    <>
      {'«\u00a0'}
      <span lang="fr">{text}</span>
      {'\u00a0»'}
    </>
  );
}

/** A statement's number, then its text. */
async function Said({ number, text }: { number: number; text: string }) {
  const t = await getTranslations('OpinionMap.labels');
  return (
    <>
      <span className={styles.muted}>{t('number', { number })} </span>
      <Quoted text={text} />
    </>
  );
}

/** Each group: its size, one plain sentence on what sets it apart most, and the statements that set it apart, with the share of the group and of everyone else. */
export async function Groups({ map }: Props) {
  const t = await getTranslations('OpinionMap.groups');
  return (
    <section aria-labelledby="groupes" className={styles.section}>
      <h2 id="groupes">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <div className={styles.groups}>
        {map.groups.map((group) => {
          const top = group.characteristic[0];
          return (
            <article key={group.group} className={styles.group} aria-labelledby={`groupe-${group.group}`}>
              <h3 id={`groupe-${group.group}`}>
                <GroupMark group={group.group} size={18} />
                {t('groupTitle', { group: group.group, size: group.size })}
              </h3>
              {top ? (
                <>
                  <p className={styles.summary}>
                    {t(top.direction === 'agree' ? 'summaryAgree' : 'summaryDisagree', { group: group.group, percent: top.percent })} <Quoted text={top.text} />
                  </p>
                  <ul className={styles.list}>
                    {group.characteristic.map((item) => (
                      <li key={item.number}>
                        <Said number={item.number} text={item.text} />
                        <br />
                        <span className={styles.figures}>{t(item.direction === 'agree' ? 'agreeShare' : 'disagreeShare', { percent: item.percent, others: item.othersPercent })}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t('noneCharacteristic')}</p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** The statements every group agrees with (group-aware consensus), each with each group's share in agreement; then what gathers or is rejected by the most people. */
export async function Common({ map }: Props) {
  const t = await getTranslations('OpinionMap.common');
  const shares = (number: number) => {
    const statement = map.statements.find((entry) => entry.number === number);
    if (!statement) return null;
    return statement.groups.map((share, index) => t(index === 0 ? 'shareFirst' : 'shareNext', { percent: share.agreePercent, group: share.group })).join(', ');
  };
  return (
    <>
      <section aria-labelledby="rassemble" className={styles.section}>
        <h2 id="rassemble">{t('bridgingTitle')}</h2>
        <p className="prose">{t('bridgingLead')}</p>
        {map.bridging.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ol className={styles.list}>
            {map.bridging.map((item) => {
              const agree = shares(item.number);
              return (
                <li key={item.number}>
                  <Said number={item.number} text={item.text} />
                  {agree ? (
                    <>
                      <br />
                      <span className={styles.figures}>{t('bridgingAgree', { shares: agree })}</span>
                    </>
                  ) : null}
                </li>
              );
            })}
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
                <Said number={item.number} text={item.text} />
                <br />
                <span className={styles.figures}>{t('agreePercent', { percent: item.percent })}</span>
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
                <Said number={item.number} text={item.text} />
                <br />
                <span className={styles.figures}>{t('disagreePercent', { percent: item.percent })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * The text alternative to the map: every statement, and how each group voted
 * on it. A real table on wide screens; below 40rem, where the table cannot
 * fit, the same figures as a list, one line per group (only one of the two is
 * displayed, so screen readers meet it once).
 */
export async function MapTable({ map }: Props) {
  const t = await getTranslations('OpinionMap.table');
  const groups = map.groups.map((group) => group.group);
  const cell = (statement: OpinionMapView['statements'][number], group: string) => {
    const share = statement.groups.find((entry) => entry.group === group);
    return share ? t('cell', { agree: share.agreePercent, disagree: share.disagreePercent, voters: share.agree + share.disagree + share.pass }) : '—';
  };
  return (
    <section aria-labelledby="tableau" className={styles.section}>
      <h2 id="tableau">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <div className={styles.wideOnly}>
        <TableScroll captionId="tableau-legende">
          <table className={`data-table ${styles.table}`}>
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
                  {groups.map((group) => (
                    <td key={group}>{cell(statement, group)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className={styles.narrowOnly}>
        <p className={styles.figures}>{t('caption', { count: map.statements.length })}</p>
        <ol className={styles.cards}>
          {map.statements.map((statement) => (
            <li key={statement.number}>
              <p>
                <Said number={statement.number} text={statement.text} />
              </p>
              <ul>
                {groups.map((group) => (
                  <li key={group}>
                    <GroupMark group={group} />
                    {t('line', { group })} {cell(statement, group)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** How the map was made, in plain words; the formulas, algorithm version, input hash and how anyone can recompute it, behind « Pour en savoir plus ». */
export async function Method({ map }: Props) {
  const [t, dates] = [await getTranslations('OpinionMap.method'), await getDateWords()];
  const fairList = (items: OpinionMapView['consensus']['fairAgree'], key: 'fairAgree' | 'fairDisagree') =>
    items.length === 0 ? (
      <p>{t('none')}</p>
    ) : (
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.number}>
            <Said number={item.number} text={item.text} />
            <br />
            <span className={styles.figures}>{t(key, { score: Math.round(item.score * 100) })}</span>
          </li>
        ))}
      </ul>
    );
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
      </dl>
      <ul className={styles.links}>
        <li>
          <ApiLink href={mapApi(map.deliberationId)}>{t('json')}</ApiLink>
        </li>
        <li>
          <Link href="/donnees-ouvertes">{t('openData')}</Link>
        </li>
      </ul>
      <details className={styles.details}>
        <summary>{t('more')}</summary>
        <p className="prose">{t('groupsHow')}</p>
        <p className="prose">{t('bridgingHow')}</p>
        <p className="prose">{t('fairHow')}</p>
        <h3>{t('fairAgreeTitle')}</h3>
        {fairList(map.consensus.fairAgree, 'fairAgree')}
        <h3>{t('fairDisagreeTitle')}</h3>
        {fairList(map.consensus.fairDisagree, 'fairDisagree')}
        <dl>
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
      </details>
    </section>
  );
}
