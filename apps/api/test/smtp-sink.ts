import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free port that keeps every message it receives (for tests). */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  private waiters: (() => void)[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          this.messages.push(mail);
          this.waiters.splice(0).forEach((wake) => wake());
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  messagesTo(address: string): ParsedMail[] {
    return this.messages.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((a) => a?.text.includes(address)));
  }

  count(address: string): number {
    return this.messagesTo(address).length;
  }

  /** The `count`-th message to `address`, waiting for it up to 5 s. */
  async waitFor(address: string, count = 1): Promise<ParsedMail> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = this.messagesTo(address);
      if (found.length >= count) return found[found.length - 1]!;
      if (Date.now() > deadline) throw new Error(`No e-mail to ${address} within 5 s`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
}

/** The sign-in token in a message's link. */
export function tokenFrom(mail: ParsedMail): string {
  const match = /\/connexion\/lien\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
  if (!match) throw new Error(`No sign-in link in: ${mail.text}`);
  return match[1]!;
}
