import { z } from 'zod';

/** Letters and digits nobody confuses on paper (no 0/O, 1/I/L). */
export const INVITATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITATION_CODE_LENGTH = 12;

/** Accepts what people type from a letter ("abcd-efgh jkmn") and keeps the 12 significant characters. */
export const InvitationCodeSchema = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .length(INVITATION_CODE_LENGTH, { error: `Un code d’invitation compte ${INVITATION_CODE_LENGTH} caractères (par exemple ABCD-EFGH-JKMN).` })
      .regex(new RegExp(`^[${INVITATION_CODE_ALPHABET}]+$`), { error: 'Ce code contient des caractères qui n’existent pas dans les codes d’invitation.' }),
  );

/** ABCDEFGHJKMN → ABCD-EFGH-JKMN, as printed. */
export function formatInvitationCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * A verified resident's voter code (review M12): 10 hexadecimal characters,
 * random, drawn when they are verified, shown on their account page and typed
 * by a polling-station officer — who thus never sees their account id.
 * Accepted as people type it ("a1b2c 3d4e5", "A1B2C-3D4E5").
 */
export const VOTER_CODE_LENGTH = 10;
export const VoterCodeSchema = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-F]{10}$/, { error: 'Code d’électeur attendu : dix chiffres ou lettres de A à F, comme « A1B2C-3D4E5 » (page « Mon compte » de la personne).' }));

/** A1B2C3D4E5 → A1B2C-3D4E5, as shown. */
export function formatVoterCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export const RedeemInvitationCodeSchema = z.object({ code: InvitationCodeSchema }).strict().meta({ id: 'RedeemInvitationCode' });
export type RedeemInvitationCode = z.infer<typeof RedeemInvitationCodeSchema>;

export const CreateInvitationBatchSchema = z
  .object({
    neighbourhoodId: z.uuid({ error: 'Choisissez un quartier.' }),
    count: z.int({ error: 'Indiquez un nombre entier de codes.' }).min(1, { error: 'Au moins 1 code.' }).max(2000, { error: 'Au plus 2 000 codes par lot.' }),
    label: z.string().trim().min(1, { error: 'Donnez un nom au lot.' }).max(120, { error: 'Le nom du lot fait au plus 120 caractères.' }),
  })
  .strict()
  .meta({ id: 'CreateInvitationBatch' });
export type CreateInvitationBatch = z.infer<typeof CreateInvitationBatchSchema>;

export const InvitationBatchFormatSchema = z.object({ format: z.enum(['json', 'csv', 'pdf']).default('json') }).strict();

export const InvitationBatchSummarySchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.iso.datetime(),
    total: z.int(),
    used: z.int(),
    revoked: z.int(),
  })
  .meta({ id: 'InvitationBatchSummary' });
export type InvitationBatchSummary = z.infer<typeof InvitationBatchSummarySchema>;

/** The only time codes exist in clear: in the answer that creates them. */
export const CreatedInvitationBatchSchema = InvitationBatchSummarySchema.extend({ codes: z.array(z.string()) }).meta({ id: 'CreatedInvitationBatch' });
export type CreatedInvitationBatch = z.infer<typeof CreatedInvitationBatchSchema>;

export const ResidentVerificationSchema = z
  .object({
    neighbourhood: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    method: z.enum(['invitation_code', 'census']),
    verifiedAt: z.iso.datetime(),
  })
  .meta({ id: 'ResidentVerification' });
export type ResidentVerification = z.infer<typeof ResidentVerificationSchema>;

/**
 * What identifies a resident in the census list, normalised so that
 * "Élodie  MARTIN-DUPONT" and "elodie martin dupont" match: lower case, no
 * accents, hyphens and apostrophes as spaces, single spaces.
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 31/01/1980, 31-01-1980 or 1980-01-31 → 1980-01-31; null if not a real date. */
export function normaliseBirthDate(value: string): string | null {
  const trimmed = value.trim();
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed) ?? null;
  const [year, month, day] = match ? [match[3], match[2], match[1]] : (/^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed)?.slice(1) ?? []);
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** The canonical text hashed for a census match. */
export function censusIdentity(lastName: string, firstName: string, birthDate: string): string | null {
  const date = normaliseBirthDate(birthDate);
  const last = normaliseName(lastName);
  const first = normaliseName(firstName);
  return date && last && first ? `${last}|${first}|${date}` : null;
}

/** POST /me/verification/census: the details a resident types to match the census list. */
export const CensusMatchSchema = z
  .object({
    lastName: z.string().trim().min(1, { error: 'Indiquez votre nom.' }).max(100),
    firstName: z.string().trim().min(1, { error: 'Indiquez votre prénom.' }).max(100),
    birthDate: z.string().refine((value) => normaliseBirthDate(value) !== null, { error: 'Date de naissance invalide (JJ/MM/AAAA).' }),
  })
  .strict()
  .meta({ id: 'CensusMatch' });
export type CensusMatch = z.infer<typeof CensusMatchSchema>;

export const CensusImportResultSchema = z
  .object({
    imported: z.int(),
    alreadyPresent: z.int(),
    rejected: z.array(z.object({ line: z.int(), reason: z.string() })),
  })
  .meta({ id: 'CensusImportResult' });
export type CensusImportResult = z.infer<typeof CensusImportResultSchema>;
