import { randomUUID } from 'node:crypto';
import { createPanelMember, createPerson, type Api, type TestPerson } from './fixtures';

const DAY = 86_400_000;
let opinions = 0;

/**
 * A published opinion with `count` recommendations, written straight into
 * the recommendations feature's tables (its own tests cover how one gets
 * there): published `publishedDaysAgo` days ago with a `deadlineDays` answer
 * deadline. Returns the recommendations' references and the rapporteur.
 */
export async function publishedOpinion(
  t: Api,
  { count = 2, publishedDaysAgo = 10, deadlineDays = 60, rapporteurId }: { count?: number; publishedDaysAgo?: number; deadlineDays?: number; rapporteurId?: string } = {},
): Promise<{ number: string; opinionId: string; references: string[]; rapporteurId: string }> {
  opinions += 1;
  const member = rapporteurId ?? (await createPanelMember(t, { state: 'active' })).id;
  const publishedAt = new Date(Date.now() - publishedDaysAgo * DAY);
  const dueAt = new Date(publishedAt.getTime() + deadlineDays * DAY);
  const referralId = randomUUID();
  const opinionId = randomUUID();
  const number = `2027-${String(900 + opinions).padStart(3, '0')}`;
  await t.sql(`INSERT INTO referrals (id, reference, source, state, title, question, dossier, updated_at) VALUES ($1, $2, 'own_initiative', 'closed', 'Caméras du marché', 'Faut-il garder la reconnaissance faciale ?', '{}', now())`, [
    referralId,
    `SA-2027-${String(900 + opinions).padStart(3, '0')}`,
  ]);
  const references = Array.from({ length: count }, (_, i) => `RC-2027-${String(opinions * 10 + i + 100).padStart(3, '0')}`);
  await t.sql(
    `INSERT INTO opinions (id, referral_id, state, reference, title, context, analysis, items, published_at, response_deadline_days, response_due_at, updated_at)
     VALUES ($1, $2, 'published', $3, 'Les caméras du marché', 'Contexte', 'Analyse', $4, $5, $6, $7, now())`,
    [opinionId, referralId, number, JSON.stringify(references), publishedAt, deadlineDays, dueAt],
  );
  for (const [i, reference] of references.entries()) {
    const id = randomUUID();
    await t.sql(`INSERT INTO recommendations (id, reference, referral_id, state, rapporteur_id, version, adopted_at, opinion_id, position, updated_at) VALUES ($1, $2, $3, 'published', $4, 1, $5, $6, $7, now())`, [
      id,
      reference,
      referralId,
      member,
      publishedAt,
      opinionId,
      i + 1,
    ]);
    await t.sql(`INSERT INTO recommendation_versions (recommendation_id, version, title, body, amendments) VALUES ($1, 1, $2, 'Texte de la recommandation.', '{}')`, [id, `Recommandation ${i + 1} de l’avis ${number}`]);
  }
  return { number, opinionId, references, rapporteurId: member };
}

/** A signed-in person holding an active panel seat. */
export async function panelMember(t: Api): Promise<TestPerson & { memberId: string }> {
  const { id } = await createPanelMember(t, { state: 'active' });
  const person = await createPerson(t);
  await t.sql('INSERT INTO panel_seat_accounts (member_id, person_id) VALUES ($1, $2)', [id, person.id]);
  // Object.assign keeps the person's `auth` getter (a spread would freeze one credential, expired a minute later).
  return Object.assign(person, { memberId: id });
}
