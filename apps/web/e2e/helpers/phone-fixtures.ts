import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What phone.setup.ts leaves for phone-layout.spec.ts: one saved session per
 * role, and the references of the long-word content it created. Under
 * test-results/ (ignored by git), next to Playwright's own output.
 */
export const PHONE_DIR = path.resolve(__dirname, '../../../../test-results/phone');

export const ROLE_STATE = {
  resident: path.join(PHONE_DIR, 'resident.json'),
  newcomer: path.join(PHONE_DIR, 'newcomer.json'),
  organizer: path.join(PHONE_DIR, 'organizer.json'),
  admin: path.join(PHONE_DIR, 'admin.json'),
  /** Inès, the demo's panel member: her account holds a seat. */
  member: path.join(PHONE_DIR, 'member.json'),
} as const;

export type PhoneFixtures = {
  /** A published register record (DU-…) whose title and texts are long words, in two versions. */
  record: string;
  recordVersion: number;
  /** Proposals about it, by the long-pseudonym resident: open for support, waiting to be checked, a draft. */
  accepted: string;
  waiting: string;
  draft: string;
  /** The resident's pseudonym, one word of 60 characters. */
  pseudonym: string;
  /** A deliberation space on `accepted`, with a long-word workshop sheet; and an accepted proposal of the demo without one (the opening form). */
  space: string;
  openable: string;
  /** A long e-mail address, for the « check your inbox » page. */
  email: string;
  /** The advisory panel of the demo: an open call for volunteers (AV-…), a drawn draw (TS-…) and a pool's id. */
  call: string;
  draw: string;
  pool: string;
  /** The demo's consultations (issue 18): one whose vote is open, one with published results, one in its deliberation phase (its space open). */
  consultationOpen: string;
  consultationDeliberation: string;
  consultationClosed: string;
  /** The demo's published panel opinion (issue 19): its number (2027-003), its referral (SA-…) and its first recommendation (RC-…). */
  opinion: string;
  referral: string;
  recommendation: string;
};

const FIXTURES = path.join(PHONE_DIR, 'fixtures.json');

export function writeFixtures(fixtures: PhoneFixtures): void {
  mkdirSync(PHONE_DIR, { recursive: true });
  writeFileSync(FIXTURES, JSON.stringify(fixtures, null, 2));
}

let cached: PhoneFixtures | null = null;

export function readFixtures(): PhoneFixtures {
  cached ??= JSON.parse(readFileSync(FIXTURES, 'utf8')) as PhoneFixtures;
  return cached;
}
