import type { Locale } from '@sesame/domain';

export function notificationMail(locale: Locale, lines: { text: string; url: string | null }[], preferencesUrl: string): { subject: string; text: string; html: string } {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const digest = lines.length > 1;
  const subject =
    locale === 'en' ? (digest ? `Sésame: ${lines.length} new notifications` : `Sésame: ${lines[0]!.text}`) : digest ? `Sésame : ${lines.length} nouvelles notifications` : `Sésame : ${lines[0]!.text}`;
  const footer =
    locale === 'en' ? `To receive fewer e-mails, change your preferences: ${preferencesUrl}` : `Pour recevoir moins d’e-mails, changez vos préférences : ${preferencesUrl}`;
  const text = `${lines.map((line) => `• ${line.text}${line.url ? `\n  ${line.url}` : ''}`).join('\n')}\n\n${footer}\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;"><ul>${lines
    .map((line) => `<li>${escape(line.text)}${line.url ? ` <a href="${escape(line.url)}">${locale === 'en' ? 'Open' : 'Ouvrir'}</a>` : ''}</li>`)
    .join('')}</ul><p style="font-size: 15px;">${escape(footer)}</p></body></html>`;
  return { subject, text, html };
}
