// A real SMTP server on a free loopback port that keeps every message (the
// API sends to it through SMTP_URL, as in production): the drill reads the
// sign-in links from it, and counts how many messages each address got.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const recipients = (mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).filter(Boolean).map((address) => address.text.toLowerCase());

export async function startMailbox() {
  /** @type {{ to: string[], text: string, at: number }[]} */
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          messages.push({ to: recipients(mail), text: mail.text ?? '', at: Date.now() });
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${server.server.address().port}`;
  const to = (email) => messages.filter((message) => message.to.some((address) => address.includes(email.toLowerCase())));
  return {
    url,
    messages,
    count: (email) => to(email).length,
    /** The token of the newest sign-in link sent to `email`, waiting for it up to `timeoutMs`. */
    async signInToken(email, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const latest = to(email).at(-1);
        const match = latest && /\/connexion\/lien\?token=([A-Za-z0-9_-]+)/.exec(latest.text);
        if (match) return match[1];
        if (Date.now() > deadline) throw new Error(`no sign-in link for ${email} within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
