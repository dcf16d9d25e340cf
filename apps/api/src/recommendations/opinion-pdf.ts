import PDFDocument from 'pdfkit';
import { countsInFrench, type OpinionDto } from '@sesame/domain';

/** The platform's own font (apps/web serves the same files): Atkinson Hyperlegible, embedded, nothing fetched. */
const FONT = (weight: 400 | 700, style: 'normal' | 'italic' = 'normal') => require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-${style}.woff`);

const SEAT_TYPES_FR = { drawn_citizen: 'habitants tirés au sort', association: 'associations', expert_voting: 'experts (voix délibérative)', expert_consultative: 'experts (voix consultative)' } as const;
const SOURCES_FR = {
  consultation: 'les résultats d’une consultation publique',
  proposal: 'une proposition ayant atteint son objectif de soutiens',
  authority_request: 'une demande de la ville',
  own_initiative: 'l’initiative du comité',
  data_use_review: 'un usage de données dont la date de réexamen est passée',
} as const;
const OUTCOME_FR = { adopted: 'adoptée', rejected: 'rejetée', no_quorum: 'sans quorum' } as const;

const frDate = (iso: string | null) => (iso ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso)) : '—');

/**
 * The published opinion as an A4 PDF: title page block, context, procedure
 * (referral, sessions, hearings), analysis, each recommendation with how it
 * was decided (counts, per seat type, recorded votes), its dissents, and the
 * response deadline. Tagged with the title and language for screen readers.
 */
export function opinionPdf(opinion: OpinionDto, site: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 64, right: 64 }, lang: 'fr-FR', displayTitle: true, info: { Title: `${opinion.label} — ${opinion.title}`, Author: 'Comité citoyen — Sésame', Subject: 'Avis du comité citoyen' } });
  doc.registerFont('Body', FONT(400));
  doc.registerFont('Bold', FONT(700));
  doc.registerFont('Italic', FONT(400, 'italic'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const h1 = (t: string) => doc.font('Bold').fontSize(20).fillColor('#111111').text(t, { lineGap: 2 });
  const h2 = (t: string) => doc.moveDown(1).font('Bold').fontSize(14).fillColor('#111111').text(t, { lineGap: 2 }).moveDown(0.3);
  const h3 = (t: string) => doc.moveDown(0.6).font('Bold').fontSize(12).text(t).moveDown(0.2);
  const p = (t: string) => doc.font('Body').fontSize(11).fillColor('#111111').text(t, { lineGap: 3, align: 'left' }).moveDown(0.4);
  const small = (t: string) => doc.font('Body').fontSize(9.5).fillColor('#333333').text(t, { lineGap: 2 }).fillColor('#111111');
  const paragraphs = (t: string) => t.split(/\n{2,}/).forEach((para) => p(para.trim()));

  doc.font('Bold').fontSize(11).fillColor('#444444').text('Comité citoyen — Sésame');
  doc.moveDown(0.5);
  h1(opinion.label ?? 'Avis');
  doc.font('Body').fontSize(15).text(opinion.title, { lineGap: 2 });
  doc.moveDown(0.5);
  small(`Publié le ${frDate(opinion.publishedAt)}. La ville répond à chaque recommandation avant le ${frDate(opinion.responseDueAt)} (${opinion.responseDeadlineDays} jours).`);

  h2('Contexte');
  paragraphs(opinion.context);

  h2('Procédure');
  const r = opinion.procedure.referral;
  p(`Le comité a été saisi le ${frDate(r.createdAt)} (saisine ${r.reference}) par ${SOURCES_FR[r.source]}. Question posée : ${r.question}`);
  for (const s of opinion.procedure.sessions) p(`Séance n° ${s.number} — ${s.title}, tenue le ${frDate(s.heldAt)} : ${s.quorum.present} membres votants présents, quorum de ${s.quorum.required} atteint.`);
  for (const h of opinion.procedure.hearings) p(`Audition le ${frDate(h.heldOn)} : ${h.name}${h.affiliation ? ` (${h.affiliation})` : ''}${h.interests ? ` — intérêts déclarés : ${h.interests}` : ''}. ${h.summary}`);

  h2('Analyse');
  paragraphs(opinion.analysis);

  h2('Recommandations');
  for (const item of opinion.items) {
    h3(`Recommandation ${item.position} — ${item.title}`);
    paragraphs(item.body);
    const t = item.vote.tally;
    small(`Adoptée le ${frDate(item.adoptedAt)} par un vote ${item.vote.mode === 'secret' ? 'à bulletin secret' : 'nominatif'} (version ${item.version}, rapporteur : ${item.rapporteur.displayName}) : ${countsInFrench(t.counts)} ; majorité requise ${t.threshold.numerator}/${t.threshold.denominator} des votes exprimés, quorum ${t.quorum.required} sur ${t.quorum.votingSeats} sièges, ${t.quorum.present} votants.`);
    const seats = Object.entries(t.bySeatType)
      .filter(([, c]) => c.for + c.against + c.abstain > 0)
      .map(([seat, c]) => `${SEAT_TYPES_FR[seat as keyof typeof SEAT_TYPES_FR]} : ${countsInFrench(c)}`);
    if (item.vote.withheld.bySeatType) small('Par type de siège : non publié — un type de siège comptait trop peu de votants pour garder le vote secret.');
    else if (seats.length) small(`Par type de siège — ${seats.join(' ; ')}.`);
    if (item.vote.ballots.length) small(`Votes : ${item.vote.ballots.map((b) => `${b.member.displayName} (${b.choice === 'for' ? 'pour' : b.choice === 'against' ? 'contre' : 'abstention'})`).join(', ')}.`);
    const amendments = item.amendments.filter((a) => a.state === 'merged');
    if (amendments.length) small(`Amendements intégrés : ${amendments.map((a) => `n° ${a.number} (${a.author.displayName})`).join(', ')}.`);
    for (const d of item.dissents) {
      doc.moveDown(0.3);
      doc.font('Bold').fontSize(10.5).text(d.anonymous ? `Opinion divergente (anonyme, ${d.signatures} signataire${d.signatures > 1 ? 's' : ''})` : `Opinion divergente de ${d.signatories.map((s) => s.displayName).join(', ')}`);
      doc.font('Italic').fontSize(10.5).text(d.body, { lineGap: 2 });
    }
    doc.moveDown(0.4);
    small(`Résultat : ${OUTCOME_FR[t.outcome]}.`);
  }

  doc.moveDown(1);
  small(`Cet avis, ses votes (événements de vote Popolo) et ses données sont publiés en données ouvertes sur ${site.replace(/\/+$/, '')}/comite/avis/${opinion.number}.`);
  doc.end();
  return done;
}
