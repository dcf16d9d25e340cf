import { positionalPath, type DataUseContent } from '@sesame/domain';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { CONTENT_LANG } from '@/i18n/config';
import { Content, fr } from '@/i18n/content';

import type { FieldLabelTree } from '../field-labels';
import { dataUseExplanations, dataUseLabels, fieldName, riskRank, type LabelValue } from '../labels';
import { redactionFor } from '../redactions';
import { dateFormatter, present, presentList, Withheld } from './present';
import styles from './register.module.css';
import { TableScroll } from '@/components/ui/TableScroll';

/** The record's parts, in reading order; the key is also the part's address (#key, ?partie=key). */
export const RECORD_SECTIONS = [
  { key: 'responsable', title: 'accountability' },
  { key: 'pourquoi', title: 'purpose' },
  { key: 'loi', title: 'legal' },
  { key: 'donnees', title: 'data' },
  { key: 'destinataires', title: 'recipients' },
  { key: 'decisions', title: 'automation' },
  { key: 'risques', title: 'risks' },
  { key: 'alternatives', title: 'alternatives' },
  { key: 'cycle-de-vie', title: 'lifecycle' },
  { key: 'informations-retenues', title: 'redactions' },
] as const;
export type RecordSectionKey = (typeof RECORD_SECTIONS)[number]['key'];

const EMAIL = /([^\s@<>()«»,;:]+@[^\s@<>()«»,;:]+\.[a-z]{2,})/gi;

/** Text in which each e-mail address becomes a mailto: link (contact fields mix names and addresses). */
function withEmailLinks(value: string): ReactNode {
  const parts = value.split(EMAIL);
  return (
    <span className="prewrap" lang={CONTENT_LANG}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={`mailto:${part}`}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </span>
  );
}

/** One part of the record, closed until the reader opens it (native <details>: keyboard, screen readers, no JavaScript). */
function Part({ id, title, open, children }: { id: string; title: string; open: boolean; children: ReactNode }) {
  return (
    <details className={styles.section} id={id} open={open}>
      <summary>
        <h2>{title}</h2>
      </summary>
      <div className={styles.sectionBody}>{children}</div>
    </details>
  );
}

async function sectionTools(content: DataUseContent) {
  const show = present(content.redactions);
  return {
    show,
    list: presentList(show),
    common: await getTranslations('Register.common'),
    labels: dataUseLabels(await getTranslations('Register.labels')),
    explain: dataUseExplanations(await getTranslations('Register.explain')),
    formatDate: await dateFormatter(),
    fields: (await getMessages()).Register.fields as FieldLabelTree,
  };
}
type Tools = Awaited<ReturnType<typeof sectionTools>>;

async function Accountability({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.accountability');
  const { show, formatDate } = tools;
  const a = content.accountability;
  return (
    <dl className={styles.fields}>
      <dt>{t('controller')}</dt>
      <dd>{show('accountability.controller', a.controller)}</dd>
      <dt>{t('department')}</dt>
      <dd>{show('accountability.department', a.department)}</dd>
      <dt>{t('contactEmail')}</dt>
      <dd>{show('accountability.contactEmail', a.contactEmail, withEmailLinks)}</dd>
      <dt>{t('dpoContact')}</dt>
      <dd>{show('accountability.dpoContact', a.dpoContact, withEmailLinks)}</dd>
      <dt>{t('jointControllers')}</dt>
      <dd>
        {redactionFor(content.redactions, 'accountability.jointControllers') || a.jointControllers.length > 0 ? tools.list('accountability.jointControllers', a.jointControllers) : t('noJointControllers')}
      </dd>
      <dt>{t('authorisingAct')}</dt>
      <dd>
        {show('accountability.authorisingAct.title', a.authorisingAct.title)}
        {a.authorisingAct.date || redactionFor(content.redactions, 'accountability.authorisingAct.date') ? (
          <>
            <br />
            {show('accountability.authorisingAct.date', a.authorisingAct.date, (date) => t('actDate', { date: formatDate(date) }))}
          </>
        ) : null}
        {a.authorisingAct.link || redactionFor(content.redactions, 'accountability.authorisingAct.link') ? (
          <>
            <br />
            {show('accountability.authorisingAct.link', a.authorisingAct.link, (link) => (
              <a href={link} rel="noopener noreferrer">
                {t('actLink')}
              </a>
            ))}
          </>
        ) : null}
      </dd>
    </dl>
  );
}

async function Purpose({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.purpose');
  const { show, list } = tools;
  return (
    <>
      <h3>{t('purposes')}</h3>
      {list('purpose.purposes', content.purpose.purposes)}
      <h3>{t('decisionProcess')}</h3>
      <p>{show('purpose.decisionProcess', content.purpose.decisionProcess)}</p>
      <h3>{t('outOfScopeUses')}</h3>
      {content.purpose.outOfScopeUses.length > 0 ? <p>{t('outOfScopeIntro')}</p> : null}
      {list('purpose.outOfScopeUses', content.purpose.outOfScopeUses)}
    </>
  );
}

async function Legal({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.legal');
  const { show, labels, explain } = tools;
  const legal = content.legal;
  return (
    <>
      <h3>{t('basis')}</h3>
      <div>
        {show('legal.basis', legal.basis, (basis) => (
          <>
            <p>
              <strong>{labels.legalBasis(basis)}</strong>
            </p>
            <p>{explain('legalBasis', basis)}</p>
          </>
        ))}
      </div>
      <dl className={styles.fields}>
        <dt>{t('basisDetail')}</dt>
        <dd>{show('legal.basisDetail', legal.basisDetail)}</dd>
      </dl>

      <h3>{t('specialCategories')}</h3>
      {legal.specialCategories.length === 0 ? (
        <p>{t('noSpecialCategories')}</p>
      ) : (
        <>
          <p>{t('specialCategoriesIntro')}</p>
          <ul>
            {legal.specialCategories.map((special) => (
              <li key={special.id}>
                <strong>{labels.specialCategory(special.category)}</strong>
                <br />
                {show(`legal.specialCategories.${special.id}.exception`, special.exception, (exception) => t.rich('exception', { exception, fr }))}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('criminalOffenceData')}</h3>
      <p>{legal.criminalOffenceData ? t('criminalYes') : t('criminalNo')}</p>

      <h3>{t('regime')}</h3>
      <p>
        <strong>{labels.regime(legal.regime)}</strong>. {explain('regime', legal.regime)}
      </p>

      <h3>{t('aiActClass')}</h3>
      <p>
        <strong>{labels.aiActClass(legal.aiActRiskClass)}</strong>. {explain('aiActClass', legal.aiActRiskClass)}
      </p>
    </>
  );
}

async function Data({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const [t, record] = [await getTranslations('Register.data'), await getTranslations('Register.record')];
  const { show, list } = tools;
  const data = content.data;
  const cardFields = ['description', 'reveals', 'source', 'collectionMode', 'retention', 'access'] as const;
  return (
    <>
      <h3>{t('subjects')}</h3>
      {list('data.subjectCategories', data.subjectCategories)}
      <dl className={styles.fields}>
        <dt>{t('estimatedPeople')}</dt>
        <dd>{show('data.estimatedPeopleAffected', data.estimatedPeopleAffected, (count) => record('peopleAffected', { count }))}</dd>
      </dl>

      <h3>{t('categoriesTitle')}</h3>
      <p>{t('categoriesIntro')}</p>
      {redactionFor(content.redactions, 'data.categories') || data.categories.length === 0 ? (
        <p>{show('data.categories', data.categories)}</p>
      ) : (
        <ul className={styles.dataCards}>
          {data.categories.map((category, index) => {
            const path = `data.categories.${category.id}`;
            const whole = redactionFor(content.redactions, path);
            const name = !redactionFor(content.redactions, `${path}.name`) && category.name ? category.name : t('category', { n: index + 1 });
            return (
              <li key={category.id}>
                <article className={styles.dataCard} aria-labelledby={`donnee-${index}`}>
                  <h4 id={`donnee-${index}`}>{name === category.name ? <Content>{name}</Content> : name}</h4>
                  {whole ? (
                    <p>
                      <Withheld redaction={whole} />
                    </p>
                  ) : (
                    <dl className={styles.fields}>
                      {cardFields.map((field) => (
                        <div key={field}>
                          <dt>{t(field)}</dt>
                          <dd>{show(`${path}.${field}`, category[field])}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

async function Recipients({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.recipients');
  const { show, list } = tools;
  const hosting = content.hosting;
  return (
    <>
      <h3>{t('recipients')}</h3>
      {content.recipients.length > 0 ? <p>{t('recipientsIntro')}</p> : null}
      {list('recipients', content.recipients)}

      <h3>{t('processors')}</h3>
      {redactionFor(content.redactions, 'processors') ? (
        <p>{show('processors', content.processors)}</p>
      ) : content.processors.length === 0 ? (
        <p>{t('noProcessors')}</p>
      ) : (
        <>
          <p>{t('processorsIntro')}</p>
          <ul className={styles.itemList}>
            {content.processors.map((processor) => {
              const path = `processors.${processor.id}`;
              return (
                <li key={processor.id}>
                  <h4>{show(`${path}.name`, processor.name)}</h4>
                  <dl className={styles.fields}>
                    <dt>{t('role')}</dt>
                    <dd>{show(`${path}.role`, processor.role)}</dd>
                    <dt>{t('contractReference')}</dt>
                    <dd>{show(`${path}.contractReference`, processor.contractReference)}</dd>
                    <dt>{t('procurementProcedure')}</dt>
                    <dd>{show(`${path}.procurementProcedure`, processor.procurementProcedure)}</dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h3>{t('hosting')}</h3>
      <dl className={styles.fields}>
        <dt>{t('provider')}</dt>
        <dd>{show('hosting.provider', hosting.provider)}</dd>
        <dt>{t('country')}</dt>
        <dd>{show('hosting.country', hosting.country)}</dd>
        <dt>{t('nonEuLawExposure')}</dt>
        <dd>{show('hosting.nonEuLawExposure', hosting.nonEuLawExposure)}</dd>
        <dt>{t('transfersOutsideEu')}</dt>
        <dd>{hosting.transfersOutsideEu ? <strong>{t('transfersYes')}</strong> : t('transfersNo')}</dd>
        {hosting.transfersOutsideEu || hosting.transferSafeguard || redactionFor(content.redactions, 'hosting.transferSafeguard') ? (
          <>
            <dt>{t('transferSafeguard')}</dt>
            <dd>{show('hosting.transferSafeguard', hosting.transferSafeguard)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

async function Automation({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.automation');
  const { show, labels, explain } = tools;
  const automation = content.automation;
  return (
    <>
      <h3>{t('level')}</h3>
      <p>
        <strong>{labels.automationLevel(automation.level)}</strong>. {explain('automationLevel', automation.level)}
      </p>
      <h3>{t('humanOversight')}</h3>
      <p>{show('automation.humanOversight', automation.humanOversight)}</p>
      <h3>{t('howToContest')}</h3>
      <p className={styles.important}>{show('automation.howToContest', automation.howToContest)}</p>
    </>
  );
}

async function Risks({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.risks');
  const { show, labels, formatDate } = tools;
  const level = (value: LabelValue<'riskLevel'>) => t('level', { label: labels.riskLevel(value), rank: riskRank(value) });
  return (
    <>
      {content.risks.length === 0 ? (
        <p>{show('risks', content.risks)}</p>
      ) : (
        <>
          <p>{t('scale')}</p>
          <TableScroll captionId="risques-legende">
            <table className="data-table">
              <caption id="risques-legende">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('description')}</th>
                  <th scope="col">{t('severity')}</th>
                  <th scope="col">{t('likelihood')}</th>
                  <th scope="col">{t('mitigations')}</th>
                  <th scope="col">{t('residualRisk')}</th>
                </tr>
              </thead>
              <tbody>
                {content.risks.map((risk) => (
                  <tr key={risk.id}>
                    <th scope="row">{show(`risks.${risk.id}.description`, risk.description)}</th>
                    <td>{level(risk.severity)}</td>
                    <td>{level(risk.likelihood)}</td>
                    <td>{show(`risks.${risk.id}.mitigations`, risk.mitigations)}</td>
                    <td>{show(`risks.${risk.id}.residualRisk`, risk.residualRisk, level)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      <h3>{t('assessments')}</h3>
      {redactionFor(content.redactions, 'impactAssessments') ? (
        <p>{show('impactAssessments', content.impactAssessments)}</p>
      ) : content.impactAssessments.length === 0 ? (
        <p>{t('noAssessments')}</p>
      ) : (
        <ul className={styles.itemList}>
          {content.impactAssessments.map((assessment) => {
            const path = `impactAssessments.${assessment.id}`;
            const kind = labels.impactAssessmentKind(assessment.kind);
            return (
              <li key={assessment.id}>
                <h4>{kind}</h4>
                <p>{show(`${path}.date`, assessment.date, (date) => t('assessmentDate', { date: formatDate(date) }))}</p>
                <p>{show(`${path}.summary`, assessment.summary)}</p>
                {assessment.link ? (
                  <p>
                    <a href={assessment.link} rel="noopener noreferrer">
                      {t('assessmentLink', { kind })}
                    </a>
                  </p>
                ) : redactionFor(content.redactions, `${path}.link`) ? (
                  <p>{show(`${path}.link`, assessment.link)}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

async function Alternatives({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.alternatives');
  const { show } = tools;
  return (
    <>
      {content.alternatives.length === 0 ? (
        <p>{show('alternatives', content.alternatives)}</p>
      ) : (
        <>
          <p>{t('intro')}</p>
          <ul className={styles.itemList}>
            {content.alternatives.map((alternative) => {
              const path = `alternatives.${alternative.id}`;
              return (
                <li key={alternative.id}>
                  {alternative.nonInvasive ? (
                    <p>
                      <span className={`${styles.tag} ${styles.tagOk}`}>{t('nonInvasive')}</span> <span className={styles.explanation}>{t('nonInvasiveHint')}</span>
                    </p>
                  ) : null}
                  <p>
                    <strong>{show(`${path}.description`, alternative.description)}</strong>
                  </p>
                  <p>{show(`${path}.whyNotChosen`, alternative.whyNotChosen, (reason) => t.rich('whyNotChosen', { reason, fr }))}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('proportionality')}</h3>
      <p className={styles.explanation}>{t('proportionalityIntro')}</p>
      <p>{show('proportionality', content.proportionality)}</p>
    </>
  );
}

async function Lifecycle({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const t = await getTranslations('Register.lifecycle');
  const { show, labels, explain, formatDate } = tools;
  const lifecycle = content.lifecycle;
  return (
    <dl className={styles.fields}>
      <dt>{t('status')}</dt>
      <dd>
        <strong>{labels.status(lifecycle.status)}</strong>. {explain('status', lifecycle.status)}
      </dd>
      <dt>{t('startDate')}</dt>
      <dd>{show('lifecycle.startDate', lifecycle.startDate, formatDate)}</dd>
      <dt>{t('reviewDate')}</dt>
      <dd>{show('lifecycle.reviewDate', lifecycle.reviewDate, formatDate)}</dd>
      <dt>{t('sunsetDate')}</dt>
      <dd>{show('lifecycle.sunsetDate', lifecycle.sunsetDate, formatDate)}</dd>
      <dt>{t('rollbackPlan')}</dt>
      <dd>{show('lifecycle.rollbackPlan', lifecycle.rollbackPlan)}</dd>
    </dl>
  );
}

async function Redactions({ content, tools }: { content: DataUseContent; tools: Tools }) {
  const [t, common] = [await getTranslations('Register.redactions'), tools.common];
  if (content.redactions.length === 0) return <p>{t('none')}</p>;
  return (
    <>
      <p>{t('intro')}</p>
      <ul className={styles.itemList}>
        {content.redactions.map((redaction) => (
          <li key={redaction.field}>
            <p>
              {/* Items are named by id; people read their position (« prestataire 2 »). */}
              <strong>{t('field', { field: fieldName(tools.fields, positionalPath(content, redaction.field)) })}</strong>
            </p>
            <p>{common.rich('withheldReason', { reason: redaction.reason, fr })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

const BODIES: Record<RecordSectionKey, (props: { content: DataUseContent; tools: Tools }) => Promise<ReactNode>> = {
  responsable: Accountability,
  pourquoi: Purpose,
  loi: Legal,
  donnees: Data,
  destinataires: Recipients,
  decisions: Automation,
  risques: Risks,
  alternatives: Alternatives,
  'cycle-de-vie': Lifecycle,
  'informations-retenues': Redactions,
};

/** Every part of the record; `open` lists the parts shown open (from ?partie=). */
export async function RecordSections({ content, open }: { content: DataUseContent; open: ReadonlySet<RecordSectionKey> }) {
  const [t, tools] = [await getTranslations('Register.sections'), await sectionTools(content)];
  return (
    <>
      {RECORD_SECTIONS.map(({ key, title }) => {
        const Body = BODIES[key];
        return (
          <Part key={key} id={key} title={t(title)} open={open.has(key)}>
            <Body content={content} tools={tools} />
          </Part>
        );
      })}
    </>
  );
}
