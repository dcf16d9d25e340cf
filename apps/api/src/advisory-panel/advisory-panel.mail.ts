import type { Locale } from '@sesame/domain';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const longDate = (date: string, locale: 'fr' | 'en') =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/**
 * The e-mail telling a drawn volunteer they were drawn and inviting them to
 * take their seat. In the language of the call's form they answered in; a
 * volunteer of an imported list gave none, so theirs is in French, then in
 * English. The link is the only way to answer (it carries the secret); it
 * shows the seat and the term before anything is decided.
 */
export function panelInvitationMail(
  locale: Locale | null,
  input: { displayName: string; volunteer: string; draw: string; termStart: string; termEnd: string; link: string },
): { subject: string; text: string; html: string; language: string } {
  const { displayName, volunteer, draw, termStart, termEnd, link } = input;
  const fr = {
    subject: 'Sésame : vous êtes tiré au sort pour le comité citoyen',
    hello: `Bonjour ${displayName},`,
    drawn: `Vous avez été tiré au sort pour siéger au comité citoyen de Sésame (tirage public ${draw}, volontaire ${volunteer}).`,
    term: `Votre mandat irait du ${longDate(termStart, 'fr')} au ${longDate(termEnd, 'fr')}.`,
    ask: 'Acceptez-vous ce siège ? Ouvrez ce lien pour accepter ou refuser :',
    button: 'Répondre à l’invitation',
    privacy: 'Votre adresse e-mail ne sert qu’à cette invitation : elle est effacée dès que vous avez répondu.',
    ignore: 'Si vous ne vous êtes pas porté volontaire, ignorez ce message.',
  };
  const en: typeof fr = {
    subject: 'Sésame: you were drawn for the citizens’ panel',
    hello: `Hello ${displayName},`,
    drawn: `You were drawn by lot to sit on Sésame’s citizens’ panel (public draw ${draw}, volunteer ${volunteer}).`,
    term: `Your term would run from ${longDate(termStart, 'en')} to ${longDate(termEnd, 'en')}.`,
    ask: 'Do you accept this seat? Open this link to accept or decline:',
    button: 'Answer the invitation',
    privacy: 'Your e-mail address serves only this invitation: it is erased as soon as you have answered.',
    ignore: 'If you did not volunteer, ignore this message.',
  };
  const block = (t: typeof fr) => `${t.hello}\n\n${t.drawn}\n${t.term}\n\n${t.ask}\n${link}\n\n${t.privacy}\n${t.ignore}\n`;
  const section = (t: typeof fr, lang: 'fr' | 'en') => `<section lang="${lang}">
<p>${escapeHtml(t.hello)}</p>
<p>${escapeHtml(t.drawn)}<br>${escapeHtml(t.term)}</p>
<p>${escapeHtml(t.ask)}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 12px 20px; background: #1d3f8f; color: #ffffff; text-decoration: none; border-radius: 6px;">${escapeHtml(t.button)}</a></p>
<p style="word-break: break-all;">${escapeHtml(link)}</p>
<p>${escapeHtml(t.privacy)} ${escapeHtml(t.ignore)}</p>
</section>`;
  const page = (lang: Locale, body: string) => `<!doctype html><html lang="${lang}"><body style="font-family: sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;">
${body}
</body></html>`;
  if (locale) {
    const words = locale === 'en' ? en : fr;
    return { subject: words.subject, text: block(words), html: page(locale, section(words, locale)), language: locale };
  }
  return {
    subject: 'Sésame : vous êtes tiré au sort pour le comité citoyen / You were drawn for the citizens’ panel',
    text: `${block(fr)}\n— English —\n\n${block(en)}`,
    html: page('fr', `${section(fr, 'fr')}\n<hr>\n${section(en, 'en')}`),
    language: 'fr, en',
  };
}

/**
 * The e-mail giving a volunteer the withdrawal code of their answer (shown
 * once on the answer's confirmation): the link to the withdrawal page and the
 * code itself. In the language of the form they answered in (the call's title
 * stays the organizers' French, marked so); the code leaves the platform only
 * here and on the confirmation page.
 */
export function withdrawalCodeMail(locale: Locale, input: { call: string; title: string; volunteer: string; link: string; code: string }): { subject: string; text: string; html: string } {
  const { call, title, volunteer, link, code } = input;
  const words =
    locale === 'en'
      ? {
          subject: `Sésame: your answer to call ${call} and its withdrawal code`,
          hello: 'Hello,',
          thanks: (name: string) => `Thank you for answering the call for volunteers “${name}” (${call}) of Sésame’s citizens’ panel: you are volunteer ${volunteer} of its pool.`,
          how: 'You can withdraw your answer as long as the pool is not frozen for a draw. Open this link:',
          button: 'Withdraw my answer',
          code: `Your withdrawal code (to paste on the withdrawal page if the link does not open): ${code}`,
          keep: 'Keep this message: this code is kept nowhere in clear, nobody can give it to you again.',
          ignore: 'If you did not answer this call, ignore this message.',
        }
      : {
          subject: `Sésame : votre réponse à l’appel ${call} et son code de retrait`,
          hello: 'Bonjour,',
          thanks: (name: string) => `Merci pour votre réponse à l’appel à volontaires « ${name} » (${call}) du comité citoyen de Sésame : vous êtes le volontaire ${volunteer} de son vivier.`,
          how: 'Vous pouvez retirer votre réponse tant que le vivier n’est pas figé pour un tirage au sort. Ouvrez ce lien :',
          button: 'Retirer ma réponse',
          code: `Votre code de retrait (à coller sur la page de retrait si le lien ne s’ouvre pas) : ${code}`,
          keep: 'Gardez ce message : ce code n’est conservé nulle part en clair, personne ne pourra vous le redonner.',
          ignore: 'Si vous n’avez pas répondu à cet appel, ignorez ce message.',
        };
  const text = `${words.hello}\n\n${words.thanks(title)}\n\n${words.how}\n${link}\n\n${words.code}\n\n${words.keep}\n${words.ignore}\n`;
  // The title is French whatever the e-mail's language: marked so for screen readers.
  const titleHtml = locale === 'fr' ? escapeHtml(title) : `<span lang="fr">${escapeHtml(title)}</span>`;
  const thanksHtml = escapeHtml(words.thanks('\u0000')).replace('\u0000', titleHtml);
  const html = `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;">
<p>${escapeHtml(words.hello)}</p>
<p>${thanksHtml}</p>
<p>${escapeHtml(words.how)}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 12px 20px; background: #1d3f8f; color: #ffffff; text-decoration: none; border-radius: 6px;">${escapeHtml(words.button)}</a></p>
<p style="word-break: break-all;">${escapeHtml(link)}</p>
<p style="word-break: break-all;">${escapeHtml(words.code)}</p>
<p>${escapeHtml(words.keep)} ${escapeHtml(words.ignore)}</p>
</body></html>`;
  return { subject: words.subject, text, html };
}
