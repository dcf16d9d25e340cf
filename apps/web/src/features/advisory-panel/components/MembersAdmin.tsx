import { memberLifecycle, SEAT_TYPES, type MemberTransition, type PanelMemberAdmin } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, Hidden, SelectField } from '@/components/forms/ActionForm';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { addMember, changeMember } from '../actions';
import { panelLabels } from '../labels';
import styles from './advisory-panel.module.css';

const TRANSITIONS: MemberTransition[] = ['activate', 'resign', 'replace', 'end_term'];

/** The changes a member's state allows, from the lifecycle (the API checks them again). */
const allowedTransitions = (member: PanelMemberAdmin) => TRANSITIONS.filter((transition) => memberLifecycle.target(transition, member.state));

/** Seating an association representative or an expert (drawn citizens come from a draw). */
export async function AddMemberForm({ today }: { today: string }) {
  const [t, form, labels] = [await getTranslations('AdvisoryPanelAdmin.members'), await getTranslations('Form'), await panelLabels()];
  const fieldLabels = {
    seatType: t('seatType'),
    position: t('position'),
    displayName: t('displayName'),
    displayMode: t('displayMode'),
    affiliation: t('affiliation'),
    termStart: t('termStart'),
  };
  return (
    <ActionForm action={addMember} submitLabel={t('add')} errorSummaryLabel={form('errorSummary')} labels={fieldLabels}>
      <SelectField name="seatType" label={t('seatType')} options={SEAT_TYPES.map((type) => ({ value: type, label: labels.seatType(type) }))} defaultValue="association" />
      <SelectField
        name="position"
        label={t('position')}
        options={[
          { value: 'titular', label: t('titular') },
          { value: 'substitute', label: t('substitute') },
        ]}
        defaultValue="titular"
      />
      <Field name="displayName" label={t('displayName')} hint={t('displayNameHint')} required />
      <SelectField
        name="displayMode"
        label={t('displayMode')}
        options={[
          { value: 'name', label: t('byName') },
          { value: 'pseudonym', label: t('byPseudonym') },
        ]}
        defaultValue="name"
      />
      <Field name="affiliation" label={t('affiliation')} hint={t('affiliationHint')} />
      <Field name="termStart" type="date" label={t('termStart')} defaultValue={today} required />
    </ActionForm>
  );
}

/** Every member with what only organizers see (pool id, contact, reason), and the change their state allows. */
export async function MembersTable({ members }: { members: PanelMemberAdmin[] }) {
  const [t, form, labels, dates] = [await getTranslations('AdvisoryPanelAdmin.members'), await getTranslations('Form'), await panelLabels(), await getDateWords()];
  return (
    <ul className={styles.members}>
      {members.map((member) => {
        const transitions = allowedTransitions(member);
        return (
          <li key={member.id} className={styles.member}>
            <p className={styles.memberName} id={`membre-${member.id}`}>
              <Content>{member.displayName}</Content>
            </p>
            <dl className={styles.facts}>
              <div>
                <dt>{t('seatType')}</dt>
                <dd>
                  {labels.seatType(member.seatType)} — {member.position === 'substitute' ? t('substituteRank', { rank: member.substituteRank ?? 0 }) : t('titular')}
                </dd>
              </div>
              <div>
                <dt>{t('state')}</dt>
                <dd>{labels.memberState(member.state)}</dd>
              </div>
              <div>
                <dt>{t('term')}</dt>
                <dd>{t('termDates', { start: dates.day(member.termStart), end: dates.day(member.termEnd) })}</dd>
              </div>
              {member.volunteer ? (
                <div>
                  <dt>{t('volunteer')}</dt>
                  <dd className={styles.mono}>
                    {member.volunteer}
                    {member.draw ? ` (${member.draw})` : ''}
                  </dd>
                </div>
              ) : null}
              {member.rotationThird !== null ? (
                <div>
                  <dt>{t('third')}</dt>
                  <dd>{t('thirdValue', { third: String(member.rotationThird) })}</dd>
                </div>
              ) : null}
              {member.volunteer ? (
                <div>
                  <dt>{t('invitation')}</dt>
                  <dd>
                    {member.invitationSentAt
                      ? t('invitationSent', { date: dates.day(member.invitationSentAt) })
                      : member.state === 'invited' && !member.contactEmail
                        ? t('invitationNoContact')
                        : member.state === 'invited'
                          ? t('invitationPending')
                          : '—'}
                    {member.answeredAt ? ` · ${t('answered', { date: dates.day(member.answeredAt) })}` : ''}
                  </dd>
                </div>
              ) : null}
              {member.contactEmail ? (
                <div>
                  <dt>{t('contact')}</dt>
                  <dd className={styles.mono}>{member.contactEmail}</dd>
                </div>
              ) : null}
              {member.reason ? (
                <div>
                  <dt>{t('reason')}</dt>
                  <dd>
                    <Content>{member.reason}</Content>
                  </dd>
                </div>
              ) : null}
            </dl>
            {transitions.length > 0 ? (
              <details className={styles.details}>
                <summary>{t('change')}</summary>
                <ActionForm action={changeMember} submitLabel={t('apply')} errorSummaryLabel={form('errorSummary')} variant="secondary" labels={{ intent: t('changeLabel'), reason: t('reasonLabel'), confirm: t('confirm') }}>
                  <Hidden name="id" value={member.id} />
                  <SelectField name="intent" label={t('changeLabel')} options={transitions.map((transition) => ({ value: transition, label: t(`transitions.${transition}`) }))} defaultValue={transitions[0]} />
                  <Field name="reason" label={t('reasonLabel')} hint={t('reasonHint')} />
                  <CheckboxField name="confirm" label={t('confirm')} hint={t('confirmHint')} className={styles.check} />
                </ActionForm>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
