import 'server-only';

import { callApiJson } from '@/lib/api/client';

// The journal must answer fast or say it is unavailable.
const JOURNAL_TIMEOUT_MS = 5000;

/** The API answered, but not with the shape the journal expects. */
class UnexpectedAnswerError extends Error {}

// Shapes returned by the API (apps/api, audit-log module).

export type AuditEntry = {
  seq: number;
  occurredAt: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Pseudonym of the person who acted, or null for the system. */
  actor: string | null;
  /** When the entry is about a person: their pseudonym. */
  subjectName?: string | null;
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
};

export type AuditLogPage = {
  items: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
};

export type ChainVerification = {
  valid: boolean;
  checkedEntries: number;
  headSeq: number;
  headHash: string;
  firstInvalidSeq: number | null;
  reason: string | null;
  checkedAt: string;
};

/** A chain head as published every hour (seq and hash of the last entry). */
export type PublishedHead = {
  seq: number;
  hash: string;
  publishedAt: string;
};

export const AUDIT_PAGE_SIZE = 20;
/** The journal shows the few latest heads; open data has them all. */
export const PUBLISHED_HEADS_SHOWN = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// Light shape checks: a malformed answer must show the "unavailable"
// message, not crash the page.
function isAuditEntry(value: unknown): value is AuditEntry {
  return (
    isRecord(value) &&
    typeof value.seq === 'number' &&
    typeof value.occurredAt === 'string' &&
    typeof value.action === 'string' &&
    typeof value.subjectType === 'string' &&
    typeof value.hash === 'string'
  );
}

export async function fetchAuditLogPage(page: number): Promise<AuditLogPage> {
  const body = await callApiJson<unknown>(`/api/v1/audit-log?page=${page}&pageSize=${AUDIT_PAGE_SIZE}`, { timeoutMs: JOURNAL_TIMEOUT_MS });
  if (
    !isRecord(body) ||
    !Array.isArray(body.items) ||
    !body.items.every(isAuditEntry) ||
    typeof body.total !== 'number'
  ) {
    throw new UnexpectedAnswerError('Unexpected audit-log response shape');
  }
  return {
    items: body.items,
    page: typeof body.page === 'number' ? body.page : page,
    pageSize: typeof body.pageSize === 'number' ? body.pageSize : AUDIT_PAGE_SIZE,
    total: body.total,
  };
}

function isPublishedHead(value: unknown): value is PublishedHead {
  return isRecord(value) && typeof value.seq === 'number' && typeof value.hash === 'string' && typeof value.publishedAt === 'string';
}

/** The latest heads published, newest first. */
export async function fetchPublishedHeads(): Promise<PublishedHead[]> {
  const body = await callApiJson<unknown>(`/api/v1/audit-log/heads?pageSize=${PUBLISHED_HEADS_SHOWN}`, { timeoutMs: JOURNAL_TIMEOUT_MS });
  if (!isRecord(body) || !Array.isArray(body.items) || !body.items.every(isPublishedHead)) {
    throw new UnexpectedAnswerError('Unexpected audit-heads response shape');
  }
  return body.items;
}

export async function fetchChainVerification(): Promise<ChainVerification> {
  const body = await callApiJson<unknown>('/api/v1/audit-log/verification', { timeoutMs: JOURNAL_TIMEOUT_MS });
  if (!isRecord(body) || typeof body.valid !== 'boolean' || typeof body.checkedEntries !== 'number') {
    throw new UnexpectedAnswerError('Unexpected verification response shape');
  }
  return body as ChainVerification;
}
