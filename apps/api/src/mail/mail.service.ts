import type { OutboxMessage } from '@sesame/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Content language of the message (fr or en). */
  language: string;
}

export type { OutboxMessage };

/**
 * Sends e-mail through SMTP_URL, or — in development, with no SMTP server —
 * writes each message as an .eml file in OUTBOX_DIR, so the demo works offline.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('MailService');
  private readonly transport: Transporter;
  private readonly outboxDir: string | null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    if (config.SMTP_URL) {
      this.transport = nodemailer.createTransport(config.SMTP_URL);
      this.outboxDir = null;
    } else {
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = path.resolve(config.OUTBOX_DIR);
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language },
    });
    if (this.outboxDir) {
      await mkdir(this.outboxDir, { recursive: true });
      // Sortable names: newest last.
      const file = path.join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, (info as unknown as { message: Buffer }).message, { mode: 0o600 });
      this.logger.log(`E-mail written to ${file} (no SMTP_URL configured)`);
    }
  }

  /** The messages of the development outbox, newest first (empty when SMTP is configured). */
  async readOutbox(limit = 50): Promise<OutboxMessage[]> {
    if (!this.outboxDir) return [];
    const { simpleParser } = await import('mailparser');
    let files: string[];
    try {
      files = (await readdir(this.outboxDir)).filter((name) => name.endsWith('.eml')).sort().reverse().slice(0, limit);
    } catch {
      return [];
    }
    return Promise.all(
      files.map(async (file) => {
        const parsed = await simpleParser(await readFile(path.join(this.outboxDir!, file)));
        const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
        return { id: file.replace(/\.eml$/, ''), to, subject: parsed.subject ?? '', date: (parsed.date ?? new Date()).toISOString(), text: parsed.text ?? '' };
      }),
    );
  }
}
