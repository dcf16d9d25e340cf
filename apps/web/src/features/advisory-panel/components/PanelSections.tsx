import type { AdvisoryPanelDto, PanelMember, PanelRulesVersion } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { TableScroll } from '@/components/ui/TableScroll';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { answerPath } from '../form-values';
import { panelLabels } from '../labels';
import styles from './advisory-panel.module.css';

/** The seats by type: how many, how many filled, how many people invited. */
export async function SeatsTable({ seats }: { seats: AdvisoryPanelDto['seats'] }) {
  const [t, labels] = [await getTranslations('AdvisoryPanel.seats'), await panelLabels()];
  return (
    <TableScroll captionId="sieges-tableau">
      <table className="data-table">
        <caption id="sieges-tableau">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('type')}</th>
            <th scope="col">{t('seats')}</th>
            <th scope="col">{t('filled')}</th>
            <th scope="col">{t('invited')}</th>
            <th scope="col">{t('toFill')}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => (
            <tr key={seat.seatType}>
              <th scope="row">{labels.seatTypePlural(seat.seatType)}</th>
              <td>{seat.seats}</td>
              <td>{seat.filled}</td>
              <td>{seat.invited}</td>
              <td>{seat.toFill}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The next ends of term (under rotation, one date per third): when seats will be drawn again. */
export async function TermEnds({ termEnds }: { termEnds: AdvisoryPanelDto['termEnds'] }) {
  const [t, labels, dates] = [await getTranslations('AdvisoryPanel.seats'), await panelLabels(), await getDateWords()];
  return (
    <>
      <h3 id="fins-de-mandat">{t('termEndsTitle')}</h3>
      <ul aria-labelledby="fins-de-mandat">
        {termEnds.map((end) => (
          <li key={`${end.termEnd}-${end.seatType}`}>{t('termEnd', { date: dates.day(end.termEnd), count: end.members, seat: labels.seatTypePlural(end.seatType) })}</li>
        ))}
      </ul>
    </>
  );
}

/** What a volunteer's answer becomes and when their contact goes (docs/register-own-processing.md says the same). */
export async function VolunteerPrivacy({ days }: { days: number }) {
  const t = await getTranslations('AdvisoryPanel.privacy');
  return (
    <div className="prose">
      <p>{t('answers')}</p>
      <p>{t('drawn')}</p>
      <p>{t('undrawn', { days })}</p>
      <p>{t('never')}</p>
    </div>
  );
}

/** Members as the public sees them: the name or pseudonym each chose, seat, term, state. */
export async function MemberList({ members, past = false }: { members: PanelMember[]; past?: boolean }) {
  const [t, labels, dates] = [await getTranslations('AdvisoryPanel.members'), await panelLabels(), await getDateWords()];
  return (
    <ul className={styles.members}>
      {members.map((member) => (
        <li key={member.id} className={styles.member}>
          <p className={styles.memberName}>
            {/* A drawn person is named only once they have accepted their seat. */}
            {member.displayName === null ? (
              t('pendingSeat')
            ) : (
              <>
                <Content>{member.displayName}</Content>
                <span className={styles.muted}> · {t(member.displayMode === 'name' ? 'byName' : 'byPseudonym')}</span>
              </>
            )}
          </p>
          <dl className={styles.facts}>
            <div>
              <dt>{t('seat')}</dt>
              <dd>
                {labels.seatType(member.seatType)}
                {member.position === 'substitute' && member.substituteRank !== null ? ` — ${t('substituteRank', { rank: member.substituteRank })}` : ''}
              </dd>
            </div>
            {member.affiliation ? (
              <div>
                <dt>{t('affiliation')}</dt>
                <dd>
                  <Content>{member.affiliation}</Content>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('term')}</dt>
              <dd>
                {t('termDates', { start: dates.day(member.termStart), end: dates.day(member.termEnd) })}
                {/* A replacement serves the rest of the vacated seat's term: its third is renewed with the others. */}
                {member.remainderOfTerm ? ` — ${t('remainderOfTerm')}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('state')}</dt>
              <dd>
                {labels.memberState(member.state)}
                {past && member.leftAt ? ` — ${t('leftOn', { date: dates.date(member.leftAt) })}` : ''}
              </dd>
            </div>
            {member.draw ? (
              <div>
                <dt>{t('draw')}</dt>
                <dd>
                  <Link href={`/comite/tirages/${member.draw}`}>{member.draw}</Link>
                </dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** The rules in force, as plain sentences and a list of what volunteers are asked. */
export async function RulesInForce({ version }: { version: PanelRulesVersion }) {
  const [t, dates] = [await getTranslations('AdvisoryPanel.rules'), await getDateWords()];
  const { rules } = version;
  const { seats } = rules;
  const total = seats.drawnCitizens + seats.associations + seats.expertsVoting + seats.expertsConsultative;
  return (
    <>
      <p className={styles.muted}>{t('version', { version: version.version, date: dates.date(version.publishedAt) })}</p>
      <dl className={styles.rules}>
        <div>
          <dt>{t('seatsTitle')}</dt>
          <dd>
            {t('seatsText', {
              total,
              drawn: seats.drawnCitizens,
              associations: seats.associations,
              voting: seats.expertsVoting,
              consultative: seats.expertsConsultative,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('termTitle')}</dt>
          <dd>
            {t('termText', { months: rules.termMonths })} {rules.rotationByThirds ? t('rotation') : t('noRotation')}
          </dd>
        </div>
        <div>
          <dt>{t('quorumTitle')}</dt>
          <dd>{t('quorumText', { percent: rules.quorumPercent })}</dd>
        </div>
        <div>
          <dt>{t('adoptionTitle')}</dt>
          <dd>{t('adoptionText', { numerator: rules.adoptionThreshold.numerator, denominator: rules.adoptionThreshold.denominator })}</dd>
        </div>
        <div>
          <dt>{t('deadlineTitle')}</dt>
          <dd>{t('deadlineText', { days: rules.responseDeadlineDays })}</dd>
        </div>
        <div>
          <dt>{t('substitutesTitle')}</dt>
          <dd>{t('substitutesText', { count: rules.substitutesPerSeatType })}</dd>
        </div>
        <div>
          <dt>{t('categoriesTitle')}</dt>
          <dd>
            <ul>
              {rules.categories.map((category) => (
                <li key={category.category}>
                  <Content>{category.label || category.category}</Content> : <Content>{category.values.join(', ')}</Content>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {version.changeNote ? (
        <p>
          {t('changeNote')} <Content>{version.changeNote}</Content>
        </p>
      ) : null}
    </>
  );
}

/** The earlier versions of the rules, folded. */
export async function RulesHistory({ versions }: { versions: PanelRulesVersion[] }) {
  const [t, dates] = [await getTranslations('AdvisoryPanel.rules'), await getDateWords()];
  if (versions.length < 2) return null;
  return (
    <details className={styles.details}>
      <summary>{t('history', { count: versions.length })}</summary>
      <ol reversed className={styles.history}>
        {versions.map((version) => (
          <li key={version.version}>
            {t('historyItem', { version: version.version, date: dates.date(version.publishedAt) })} <Content>{version.changeNote}</Content>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Calls for volunteers: the open ones link to their answer form. */
export async function CallList({ calls }: { calls: AdvisoryPanelDto['calls'] }) {
  const [t, labels, dates] = [await getTranslations('AdvisoryPanel.calls'), await panelLabels(), await getDateWords()];
  return (
    <ul className={styles.plainList}>
      {calls.map((call) => (
        <li key={call.reference}>
          <p className={styles.itemTitle}>
            {call.state === 'open' ? (
              <Link href={answerPath(call.reference)}>
                <Content>{call.title}</Content>
              </Link>
            ) : (
              <Content>{call.title}</Content>
            )}
          </p>
          <p className={styles.muted}>
            {call.reference} · {labels.callState(call.state)}
            {call.openedAt ? ` · ${t('openedOn', { date: dates.date(call.openedAt) })}` : ''}
            {call.closedAt ? ` · ${t('closedOn', { date: dates.date(call.closedAt) })}` : ''} · {t('answers', { count: call.answers })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Draws by lot, newest first, each linking to its public page. */
export async function DrawList({ draws }: { draws: AdvisoryPanelDto['draws'] }) {
  const [t, labels, dates] = [await getTranslations('AdvisoryPanel.draws'), await panelLabels(), await getDateWords()];
  return (
    <ul className={styles.plainList}>
      {draws.map((draw) => (
        <li key={draw.reference}>
          <p className={styles.itemTitle}>
            <Link href={`/comite/tirages/${draw.reference}`}>{t('title', { reference: draw.reference })}</Link>
          </p>
          <p className={styles.muted}>
            {labels.drawKind(draw.kind)} · {labels.drawState(draw.state)} · {t('sizes', { panel: draw.panelSize, pool: draw.poolSize })} ·{' '}
            {draw.drawnAt ? t('drawnOn', { date: dates.date(draw.drawnAt) }) : t('committedOn', { date: dates.date(draw.committedAt) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
