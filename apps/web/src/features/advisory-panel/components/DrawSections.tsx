import type { DrawState, PanelDrawDto } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, Hidden, TextAreaField } from '@/components/forms/ActionForm';
import { Link } from '@/components/ui/Link';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { cancelDraw, revealSeed, runDraw } from '../actions';
import { count, panelLabels, percent } from '../labels';
import styles from './advisory-panel.module.css';
import { RefreshWhileComputing } from './RefreshWhileComputing';

const TONES: Record<DrawState, 'progress' | 'ok' | 'stopped'> = { committed: 'progress', computing: 'progress', ready: 'progress', drawn: 'ok', failed: 'stopped', cancelled: 'stopped' };

/** The draw's state in words (the colour only repeats it). */
export async function DrawStateBadge({ state }: { state: DrawState }) {
  const [t, labels] = [await getTranslations('AdvisoryPanelDraw'), await panelLabels()];
  return (
    <span className={styles.badge} data-tone={TONES[state]}>
      <span className="visually-hidden">{t('statePrefix')} </span>
      {labels.drawState(state)}
    </span>
  );
}

/**
 * Where the draw stands, in one sentence that a screen reader hears when it
 * changes (a polite status: the page refreshes itself while computing); the
 * progress of the computation under it.
 */
export async function DrawProgress({ draw, path }: { draw: PanelDrawDto; path: string }) {
  const [t, locale] = [await getTranslations('AdvisoryPanelDraw.progress'), await getLocale()];
  const computing = draw.state === 'committed' || draw.state === 'computing';
  const progress = draw.progress;
  const phase = progress ? (t.has(`phases.${progress.phase}` as never) ? t(`phases.${progress.phase}` as never) : progress.phase) : null;
  return (
    <div className={styles.progress}>
      <p role="status">{t(`state.${draw.state}`)}</p>
      {computing ? (
        <>
          <RefreshWhileComputing />
          {progress ? (
            <>
              <label htmlFor="avancement">{t('label', { phase: phase ?? '' })}</label>
              <progress id="avancement" max={Math.max(progress.units, 1)} value={progress.fixedUnits}>
                {t('fixed', { fixed: progress.fixedUnits, units: progress.units })}
              </progress>
              <p>
                {t('fixed', { fixed: progress.fixedUnits, units: progress.units })} {t('panels', { count: progress.panels })}{' '}
                {t('elapsed', { seconds: count(Math.round(progress.elapsedMs / 1000), locale) })}
              </p>
            </>
          ) : (
            <p>{t('waiting')}</p>
          )}
          <p>
            <Link href={path}>{t('refresh')}</Link>
          </p>
        </>
      ) : null}
      {draw.cancellation ? <Cancellation cancellation={draw.cancellation} /> : null}
      {draw.state === 'failed' && draw.error ? (
        <p>
          {t('error')} <span className={styles.mono}>{draw.error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** « Tirage annulé », with the organizers' public reason (what they wrote, in French). */
async function Cancellation({ cancellation }: { cancellation: NonNullable<PanelDrawDto['cancellation']> }) {
  const [t, dates] = [await getTranslations('AdvisoryPanelDraw.cancelled'), await getDateWords()];
  return (
    <div className={styles.cancelled} data-testid="draw-cancelled">
      <h3>{t('title')}</h3>
      <p>{t('reason')}</p>
      <blockquote>
        <Content>{cancellation.reason}</Content>
      </blockquote>
      <p>{t('at', { date: dates.dateTime(cancellation.cancelledAt) })}</p>
      <p className="prose">{t('after')}</p>
    </div>
  );
}

/**
 * An organizer's way out of a draw that can no longer take place (seats taken
 * since the commitment…): cancelled with a public reason, confirmed by a box;
 * the pool is free again.
 */
export async function CancelDraw({ draw }: { draw: PanelDrawDto }) {
  const [t, form] = [await getTranslations('AdvisoryPanelDraw.cancel'), await getTranslations('Form')];
  if (!draw.viewer.can['advisory-panel.cancel-draw'].allowed) return null;
  return (
    <section className="section" aria-labelledby="annuler">
      <h2 id="annuler">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <ActionForm action={cancelDraw} submitLabel={t('button')} errorSummaryLabel={form('errorSummary')} variant="secondary" labels={{ reason: t('reason'), confirm: t('confirm') }}>
        <Hidden name="reference" value={draw.reference} />
        <TextAreaField name="reason" label={t('reason')} hint={t('reasonHint')} rows={3} lang="fr" />
        <CheckboxField name="confirm" label={t('confirm')} className={styles.check} />
      </ActionForm>
    </section>
  );
}

/** The commitment, published before the draw: what nobody can change afterwards. */
export async function Commitment({ draw }: { draw: PanelDrawDto }) {
  const [t, dates, locale] = [await getTranslations('AdvisoryPanelDraw.commitment'), await getDateWords(), await getLocale()];
  const { commitment } = draw;
  return (
    <dl className={styles.rules}>
      <div>
        <dt>{t('committedAt')}</dt>
        <dd>{dates.dateTime(commitment.committedAt)}</dd>
      </div>
      <div>
        <dt>{t('pool')}</dt>
        <dd>
          {t('poolText', { count: draw.poolSize })} <span className={styles.mono}>{commitment.poolSha256}</span>
        </dd>
      </div>
      <div>
        <dt>{t('quotas')}</dt>
        <dd>
          {t('quotasText', { count: draw.quotas.length, panel: draw.panelSize })} <span className={styles.mono}>{commitment.quotasSha256}</span>
        </dd>
      </div>
      <div>
        <dt>{t('algorithm')}</dt>
        <dd>
          <span className={styles.mono}>{commitment.algorithm}</span> — {t('lottery', { count: count(commitment.lotterySize, locale) })}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The witnesses: each one's seed hash, committed before the draw, and the
 * seed once revealed. An organizer types in each revealed seed here (it must
 * match its hash) once the panels are published.
 */
export async function Witnesses({ draw }: { draw: PanelDrawDto }) {
  const [t, form, labels, dates] = [await getTranslations('AdvisoryPanelDraw.witnesses'), await getTranslations('Form'), await panelLabels(), await getDateWords()];
  const canReveal = draw.viewer.can['advisory-panel.reveal-seed'].allowed;
  return (
    <ol className={styles.witnesses}>
      {draw.witnesses.map((witness) => (
        <li key={witness.position}>
          <p className={styles.itemTitle}>
            {t('witness', { position: witness.position })} <Content>{witness.name}</Content>
          </p>
          <p className={styles.muted}>{labels.witnessKind(witness.kind)}</p>
          <dl className={styles.facts}>
            <div>
              <dt>{t('hash')}</dt>
              <dd className={styles.mono}>{witness.seedHash}</dd>
            </div>
            <div>
              <dt>{t('seed')}</dt>
              <dd>
                {witness.seed !== null ? (
                  <>
                    <span className={styles.mono}>{witness.seed}</span>
                    {witness.revealedAt ? <span className={styles.muted}> — {t('revealedAt', { date: dates.dateTime(witness.revealedAt) })}</span> : null}
                  </>
                ) : (
                  t('notRevealed')
                )}
              </dd>
            </div>
          </dl>
          {canReveal && witness.seed === null ? (
            <ActionForm action={revealSeed} submitLabel={t('reveal', { position: witness.position })} errorSummaryLabel={form('errorSummary')} labels={{ seed: t('seedLabel', { position: witness.position }) }}>
              <Hidden name="reference" value={draw.reference} />
              <Hidden name="witness" value={String(witness.position)} />
              <Field name="seed" label={t('seedLabel', { position: witness.position })} hint={t('seedHint')} autoComplete="off" required />
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The draw itself (an organizer, once every seed is revealed): the combined seeds choose one of the published panels. */
export async function RunDraw({ draw }: { draw: PanelDrawDto }) {
  const [t, form] = [await getTranslations('AdvisoryPanelDraw.run'), await getTranslations('Form')];
  const missing = draw.witnesses.filter((w) => w.seed === null).length;
  if (!draw.viewer.can['advisory-panel.draw'].allowed) return null;
  return (
    <section className="section" aria-labelledby="tirer">
      <h2 id="tirer">{t('title')}</h2>
      {missing > 0 ? (
        <p>{t('seedsMissing', { count: missing })}</p>
      ) : (
        <>
          <p className="prose">{t('lead', { count: draw.commitment.lotterySize })}</p>
          <ActionForm action={runDraw} submitLabel={t('button')} errorSummaryLabel={form('errorSummary')} labels={{ confirm: t('confirm') }}>
            <Hidden name="reference" value={draw.reference} />
            <CheckboxField name="confirm" label={t('confirm')} className={styles.check} />
          </ActionForm>
        </>
      )}
    </section>
  );
}

/** The drawn panel: the combined seed, the panel's number among the published ones, its members (pool ids). */
export async function DrawnPanel({ draw }: { draw: PanelDrawDto }) {
  const [t, locale] = [await getTranslations('AdvisoryPanelDraw.drawn'), await getLocale()];
  if (draw.drawnPanel === null || draw.drawnIndex === null) return null;
  return (
    <section className="section" aria-labelledby="panel-tire">
      <h2 id="panel-tire">{t('title')}</h2>
      <p className="prose">{t('lead', { index: count(draw.drawnIndex, locale), total: count(draw.commitment.lotterySize, locale) })}</p>
      <dl className={styles.rules}>
        <div>
          <dt>{t('combinedSeed')}</dt>
          <dd className={styles.mono}>{draw.combinedSeed}</dd>
        </div>
        <div>
          <dt>{t('index')}</dt>
          <dd>{t('indexText', { index: draw.drawnIndex, total: draw.commitment.lotterySize })}</dd>
        </div>
      </dl>
      <h3 id="membres-tires">{t('members', { count: draw.drawnPanel.length })}</h3>
      <ul className={styles.panelIds} aria-labelledby="membres-tires">
        {draw.drawnPanel.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
      <p className="prose">{t('privacy')}</p>
      <p>
        <Link href="/comite#membres">{t('toPanel')}</Link>
      </p>
      {draw.minimum !== null ? <p className={styles.muted}>{t('minimum', { minimum: percent(draw.minimum, locale) })}</p> : null}
    </section>
  );
}

/** The published files, and how to re-run the draw with the repository's command. */
export async function FilesAndRerun({ draw, apiBase }: { draw: PanelDrawDto; apiBase: string }) {
  const t = await getTranslations('AdvisoryPanelDraw.files');
  const names: Record<string, string> = {
    'respondents.csv': t('respondents'),
    'categories.csv': t('categories'),
    'draw.json': t('manifest'),
    'panels.json': t('panels', { count: draw.commitment.lotterySize }),
  };
  return (
    <>
      <ul>
        {draw.files.map((file) => (
          <li key={file.name}>
            <a href={file.href} download={`${draw.reference}-${file.name}`}>
              {names[file.name] ?? file.name}
            </a>{' '}
            <span className={styles.muted}>({file.name})</span>
          </li>
        ))}
      </ul>
      {draw.files.every((file) => file.name !== 'panels.json') ? <p>{t('panelsLater')}</p> : null}
      <h3 id="refaire">{t('rerunTitle')}</h3>
      <p className="prose">{t('rerunLead')}</p>
      <p>{t('rerunOnline')}</p>
      <pre className={styles.command} tabIndex={0} aria-label={t('commandLabel')}>
        <code>{`npm run sortition:rerun -- ${apiBase} ${draw.reference}`}</code>
      </pre>
      <p>{t('rerunFolder')}</p>
      <pre className={styles.command} tabIndex={0} aria-label={t('commandLabel')}>
        <code>{`npm run sortition:rerun -- ./${draw.reference} ${draw.reference}`}</code>
      </pre>
      <p className="prose">{t('rerunOutput')}</p>
    </>
  );
}
