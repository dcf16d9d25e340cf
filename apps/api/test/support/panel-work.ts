import request from 'supertest';
import { createPanelMember, createPerson, publishPanelRules, type Api, type TestPerson } from '../fixtures';

/*
 * The panel's work, made once through the API for tests that need every kind
 * of record the recommendations and authority-responses routes act on, each
 * in the state its route expects — and one record per route that changes
 * state (held, cancelled, withdrawn, merged, adopted, closed, published…), so
 * replaying one route's valid request never spoils another's target.
 *
 * Votes are opened under PANEL_RULES (6 voting seats: quorum 3, 2/3 of the
 * votes cast), which three members' ballots carry.
 */

const P = '/api/v1/recommendations';
const DAY = 86_400_000;

/** A member holding an active voting seat (an association's, titular), linked to an account. */
export type PanelSeatHolder = TestPerson & { memberId: string };

export interface PanelWork {
  organizer: TestPerson;
  authority: TestPerson;
  /** The rapporteur of every recommendation below, and the author of the dissent. */
  rapporteur: PanelSeatHolder;
  /** Author of the amendments; has not signed the dissent. */
  second: PanelSeatHolder;
  third: PanelSeatHolder;
  /** Has cast no ballot. */
  voter: PanelSeatHolder;
  seats: {
    /** An active seat with no account, and a person to link it to. */
    unlinked: string;
    holder: TestPerson;
    /** A seat linked to an account, to unlink. */
    linked: string;
  };
  referrals: {
    /** Open: sessions, discussion, hearings, drafts, the opinion draft. */
    work: string;
    toDismiss: string;
    /** Open, its opinion drafted with an adopted recommendation. */
    toPublish: string;
  };
  sessions: {
    scheduled: string;
    /** Scheduled, three voting members present. */
    toHold: string;
    toCancel: string;
  };
  items: {
    draft: string;
    toOpen: string;
    toWithdraw: string;
    /** Amending: amendments 1 and 2 proposed by `second`. */
    amending: string;
    /** Amending, amendment 1 accepted. */
    toMerge: string;
    /** Amending, nothing pending. */
    toVote: string;
    /** Voting, three ballots for. */
    toAdopt: string;
    /** Adopted, with the rapporteur's dissent. */
    adopted: string;
  };
  votes: {
    /** Open, no ballot from `voter`. */
    toCast: string;
    toClose: string;
  };
  dissent: string;
  /** Published opinion: `answered` (accepted, one action, one progress report), `unanswered`. */
  opinion: string;
  published: { answered: string; unanswered: string };
}

/** Builds the panel's work (about a hundred requests). */
export async function buildPanelWork(t: Api): Promise<PanelWork> {
  const api = () => request(t.server);
  const organizer = await createPerson(t, { roles: ['resident', 'organizer'] });
  const authority = await createPerson(t, { roles: ['resident', 'authority'] });

  const seat = async (): Promise<PanelSeatHolder> => {
    const { id } = await createPanelMember(t, { state: 'active', organizer });
    const person = await createPerson(t);
    await api().put(`${P}/seats/${id}/account`).set(organizer.auth).send({ personId: person.id }).expect(200);
    // Not a spread: `auth` is a getter minting a fresh credential at each use.
    return {
      id: person.id,
      memberId: id,
      get auth() {
        return person.auth;
      },
    };
  };
  const rapporteur = await seat();
  const second = await seat();
  const third = await seat();
  const voter = await seat();
  const unlinked = (await createPanelMember(t, { state: 'active', organizer })).id;
  const linked = (await seat()).memberId;
  const holder = await createPerson(t);
  // The rules the votes below are opened under (createPanelMember published roomier ones).
  await publishPanelRules(t, organizer);

  const referral = async (title: string) =>
    ((await api().post(`${P}/referrals`).set(rapporteur.auth).send({ source: 'own_initiative', title, question: `${title} : que recommander ?` }).expect(201)).body as { reference: string }).reference;
  const session = async (reference: string, title: string) =>
    ((await api().post(`${P}/referrals/${reference}/sessions`).set(rapporteur.auth).send({ title, scheduledAt: new Date(Date.now() + 7 * DAY).toISOString(), place: 'Mairie', agenda: ['Le dossier'] }).expect(201)).body as { id: string }).id;
  const draft = async (reference: string, title: string) =>
    ((await api().post(`${P}/referrals/${reference}/recommendations`).set(rapporteur.auth).send({ title, body: `${title}, chaque mois.` }).expect(201)).body as { reference: string }).reference;
  const amending = async (reference: string, title: string) => {
    const item = await draft(reference, title);
    await api().post(`${P}/items/${item}/open-amendments`).set(rapporteur.auth).expect(200);
    return item;
  };
  const voting = async (reference: string, title: string, ballots: TestPerson[] = []) => {
    const item = await amending(reference, title);
    const vote = ((await api().post(`${P}/items/${item}/vote`).set(rapporteur.auth).send({}).expect(201)).body as { id: string }).id;
    for (const member of ballots) await api().post(`${P}/votes/${vote}/ballots`).set(member.auth).send({ choice: 'for' }).expect(201);
    return { item, vote };
  };
  const adopted = async (reference: string, title: string) => {
    const { item } = await voting(reference, title, [rapporteur, second, third]);
    await api().post(`${P}/items/${item}/adopt`).set(rapporteur.auth).expect(200);
    return item;
  };
  const opinionDraft = async (reference: string, items: string[]) =>
    api().put(`${P}/referrals/${reference}/opinion`).set(rapporteur.auth).send({ title: 'Les capteurs du parc', context: 'Le parc a des capteurs.', analysis: 'Le comité a lu le dossier.', recommendations: items }).expect(200);

  // The referral the members work on.
  const work = await referral('Les capteurs du parc');
  const scheduled = await session(work, 'Première séance');
  const toHold = await session(work, 'Séance à tenir');
  await api()
    .put(`${P}/sessions/${toHold}/attendance`)
    .set(rapporteur.auth)
    .send({ attendance: [rapporteur, second, third].map((m) => ({ memberId: m.memberId, status: 'present' })) })
    .expect(200);
  const toCancel = await session(work, 'Séance à annuler');

  const amended = await amending(work, 'Publier les relevés');
  for (const body of ['Publier les relevés, chaque semaine.', 'Publier les relevés, chaque jour.']) await api().post(`${P}/items/${amended}/amendments`).set(second.auth).send({ body }).expect(201);
  const toMerge = await amending(work, 'Afficher les capteurs');
  await api().post(`${P}/items/${toMerge}/amendments`).set(second.auth).send({ body: 'Afficher les capteurs, sur place.' }).expect(201);
  await api().post(`${P}/items/${toMerge}/amendments/1/procedure`).set(rapporteur.auth).send({ procedure: 'accept' }).expect(200);

  const adoptedItem = await adopted(work, 'Limiter la conservation');
  const dissent = ((await api().post(`${P}/items/${adoptedItem}/dissents`).set(rapporteur.auth).send({ body: 'Nous aurions voulu retirer les capteurs.' }).expect(201)).body as { id: string }).id;
  await opinionDraft(work, [adoptedItem]);

  // Another open referral, its opinion ready to publish; one to dismiss.
  const toPublish = await referral('Les caméras de la gare');
  await opinionDraft(toPublish, [await adopted(toPublish, 'Retirer les caméras')]);
  const toDismiss = await referral('Les badges de la piscine');

  // A published opinion: one recommendation answered (accepted) and tracked, one awaiting its answer.
  const done = await referral('Les compteurs d’eau');
  const answered = await adopted(done, 'Relever les compteurs à la main');
  const unanswered = await adopted(done, 'Informer les abonnés');
  await opinionDraft(done, [answered, unanswered]);
  const opinion = ((await api().post(`${P}/referrals/${done}/opinion/publish`).set(rapporteur.auth).expect(200)).body as { number: string }).number;
  const R = `/api/v1/authority-responses/${answered}`;
  await api().post(R).set(authority.auth).send({ decision: 'accepted' }).expect(201);
  await api().post(`${R}/actions`).set(authority.auth).send({ title: 'Former les releveurs', owner: 'Service des eaux' }).expect(201);
  await api().post(`${R}/progress-reports`).set(authority.auth).send({ body: 'Les releveurs sont formés.', actions: [{ number: 1, status: 'in_progress', progress: 50 }] }).expect(201);

  return {
    organizer,
    authority,
    rapporteur,
    second,
    third,
    voter,
    seats: { unlinked, holder, linked },
    referrals: { work, toDismiss, toPublish },
    sessions: { scheduled, toHold, toCancel },
    items: {
      draft: await draft(work, 'Nommer un référent'),
      toOpen: await draft(work, 'Consulter les riverains'),
      toWithdraw: await draft(work, 'Éteindre la nuit'),
      amending: amended,
      toMerge,
      toVote: await amending(work, 'Chiffrer les relevés'),
      toAdopt: (await voting(work, 'Ouvrir les données', [rapporteur, second, third])).item,
      adopted: adoptedItem,
    },
    votes: { toCast: (await voting(work, 'Former les agents')).vote, toClose: (await voting(work, 'Réduire les capteurs')).vote },
    dissent,
    opinion,
    published: { answered, unanswered },
  };
}
