import { formatInvitationCode } from '@sesame/domain';
import PDFDocument from 'pdfkit';
import { toCsv } from '../common/csv';

export interface LetterBatch {
  territory: string;
  neighbourhood: string;
  label: string;
  siteUrl: string;
  codes: string[];
}

/** One line per code, for mail merges (UTF-8 with BOM so spreadsheet software reads the accents). */
export function invitationCsv(batch: LetterBatch): Buffer {
  const lines = [['code', 'quartier', 'lot'], ...batch.codes.map((code) => [formatInvitationCode(code), batch.neighbourhood, batch.label])];
  return Buffer.from(toCsv(lines, { byteOrderMark: true }), 'utf8');
}

/** One printable A4 letter per code, in plain French. */
export function invitationPdf(batch: LetterBatch): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: `Invitations — ${batch.neighbourhood} — ${batch.label}`, Author: 'Sésame' }, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const accountUrl = new URL('/compte', batch.siteUrl).toString();
  for (const code of batch.codes) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(22).text('Sésame', { continued: true }).font('Helvetica').fontSize(14).text(`  —  ${batch.territory}`);
    doc.moveDown(2);
    doc.font('Helvetica-Bold').fontSize(18).text(`Habitantes et habitants du quartier ${batch.neighbourhood},`);
    doc.moveDown();
    doc.font('Helvetica').fontSize(13).text(
      'Votre ville utilise des données personnelles : caméras, capteurs, algorithmes… Sur Sésame, vous pouvez voir ces usages, faire des propositions et voter. ' +
        'Ce code prouve que vous habitez le quartier, sans rien dire d’autre sur vous.',
      { lineGap: 4 },
    );
    doc.moveDown(1.5);
    doc.fontSize(13).text('Votre code d’invitation :');
    doc.moveDown(0.5);
    doc.font('Courier-Bold').fontSize(32).text(formatInvitationCode(code), { align: 'center', characterSpacing: 2 });
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(13).text('Comment faire ?');
    doc.font('Helvetica').fontSize(13).list(
      [`Allez sur ${accountUrl}`, 'Connectez-vous avec votre adresse e-mail (vous recevez un lien).', 'Dans « Vérifier mon quartier », saisissez le code ci-dessus.'],
      { bulletRadius: 2.5, lineGap: 4 },
    );
    doc.moveDown(1.5);
    doc.fontSize(11).fillColor('#333333').text('Ce code ne sert qu’une fois. Besoin d’aide ? Les associations du quartier tiennent des permanences.', { lineGap: 2 });
    doc.fillColor('#000000');
  }
  doc.end();
  return done;
}
