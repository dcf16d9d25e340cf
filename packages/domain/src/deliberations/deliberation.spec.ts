import { appealDeadline, contributionLifecycle, spacePhase, withinEditWindow } from './deliberation.lifecycle';
import { DEFAULT_MODERATION_POLICY, DeliberationRulesSchema, ModerationDecisionSchema, PostContributionSchema, RecordWorkshopSchema, ReportContributionSchema } from './deliberation.schema';

const rules = { moderation: 'post', opensAt: '2027-07-01T00:00:00Z', closesAt: '2027-08-01T00:00:00Z' };

describe('deliberation contracts', () => {
  it('gives a space the default threshold and moderation policy', () => {
    const parsed = DeliberationRulesSchema.parse(rules);
    expect(parsed.autoHideThreshold).toBe(3);
    expect(parsed.whoMayPost).toEqual({ who: 'signed_in' });
    expect(parsed.moderationPolicy.map((reason) => reason.code)).toEqual(['spam', 'hate_or_harassment', 'personal_data', 'off_topic', 'illegal_content', 'other']);
    expect(DEFAULT_MODERATION_POLICY.every((reason) => reason.description.length > 20)).toBe(true);
  });

  it('refuses a closing before the opening, a reason twice, neighbourhoods without any', () => {
    const paths = (input: unknown) => DeliberationRulesSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ ...rules, closesAt: '2027-06-01T00:00:00Z' })).toEqual(['closesAt']);
    expect(paths({ ...rules, moderationPolicy: [{ code: 'spam', description: 'Pub' }, { code: 'spam', description: 'Encore' }] })).toEqual(['moderationPolicy.1.code']);
    expect(paths({ ...rules, whoMayPost: { who: 'verified_in_neighbourhoods', neighbourhoodIds: [] } })).toEqual(['whoMayPost.neighbourhoodIds']);
  });

  it('refuses an empty or oversized contribution, raw HTML and images, on the body', () => {
    for (const body of ['', '   ', 'x'.repeat(5001), 'Voir <script>alert(1)</script>', '![photo](https://exemple.fr/a.png)']) {
      expect(PostContributionSchema.safeParse({ stance: 'against', body }).error?.issues[0]?.path).toEqual(['body']);
    }
    expect(PostContributionSchema.parse({ stance: 'against', body: 'x'.repeat(5000) }).parentId).toBeNull();
  });

  it('asks the law and an explanation for illegal content only', () => {
    expect(ReportContributionSchema.safeParse({ reasonCode: 'spam' }).success).toBe(true);
    expect(ReportContributionSchema.safeParse({ reasonCode: 'illegal_content' }).error?.issues.map((issue) => issue.path[0])).toEqual(['law', 'explanation']);
  });

  it('refuses a decision without a reason, but not an approval', () => {
    expect(ModerationDecisionSchema.safeParse({ decision: 'hide', ground: { kind: 'policy', code: 'spam' } }).error?.issues[0]?.path).toEqual(['facts']);
    expect(ModerationDecisionSchema.safeParse({ decision: 'hide', facts: 'Publicité répétée.' }).error?.issues[0]?.path).toEqual(['ground']);
    expect(ModerationDecisionSchema.safeParse({ decision: 'approve' }).success).toBe(true);
  });

  it('attributes workshop entries to the workshop unless a participant consented', () => {
    const provenance = { workshopDate: '2027-07-12', place: 'Centre social', facilitator: 'Awa', sheetNumber: '3' };
    const parsed = RecordWorkshopSchema.parse({ provenance, entries: [{ stance: 'for', body: 'Plus de bancs.' }] });
    expect(parsed.entries[0]!.attribution).toEqual({ kind: 'workshop' });
    expect(RecordWorkshopSchema.safeParse({ provenance, entries: [{ stance: 'for', body: 'Oui.', attribution: { kind: 'participant', pseudonym: 'Lou' } }] }).success).toBe(false);
  });
});

describe('contribution lifecycle', () => {
  it('hides automatically only visible contributions, and restores what was hidden', () => {
    expect(contributionLifecycle.target('hide_automatically', 'visible')).toBe('hidden_automatically');
    expect(contributionLifecycle.target('hide_automatically', 'pending')).toBeNull();
    expect(contributionLifecycle.allowedFrom('hidden_automatically').sort()).toEqual(['delete', 'hide', 'restore']);
    expect(contributionLifecycle.allowedFrom('deleted_by_author')).toEqual([]);
  });

  it('knows the phase, the edit window and the appeal deadline', () => {
    const space = { opensAt: new Date('2027-07-01T00:00:00Z'), closesAt: new Date('2027-08-01T00:00:00Z') };
    expect(spacePhase(space, new Date('2027-06-30T23:59:59Z'))).toBe('not_open');
    expect(spacePhase(space, new Date('2027-07-01T00:00:00Z'))).toBe('open');
    expect(spacePhase(space, new Date('2027-08-01T00:00:00Z'))).toBe('closed');
    expect(withinEditWindow(new Date('2027-07-12T12:00:00Z'), new Date('2027-07-12T12:15:00Z'))).toBe(true);
    expect(withinEditWindow(new Date('2027-07-12T12:00:00Z'), new Date('2027-07-12T12:15:01Z'))).toBe(false);
    expect(appealDeadline(new Date('2027-07-12T12:00:00Z')).toISOString()).toBe('2028-01-12T12:00:00.000Z');
  });
});
