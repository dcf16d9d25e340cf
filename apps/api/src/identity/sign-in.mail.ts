import type { Locale } from '@sesame/domain';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in e-mail, in the person's language. Plain words, the link, and what to do if it was not you. */
export function signInMail(locale: Locale, link: string, minutes: number): { subject: string; text: string; html: string } {
  const t =
    locale === 'en'
      ? {
          subject: 'Your link to sign in to Sésame',
          hello: 'Hello,',
          body: `Use this link to sign in to Sésame. It works once, for ${minutes} minutes:`,
          button: 'Sign in to Sésame',
          ignore: 'If you did not ask for it, ignore this message: nobody can sign in without this link.',
          signature: 'Sésame — local consultation on uses of personal data',
        }
      : {
          subject: 'Votre lien de connexion à Sésame',
          hello: 'Bonjour,',
          body: `Voici votre lien pour vous connecter à Sésame. Il ne sert qu’une fois et reste valable ${minutes} minutes :`,
          button: 'Me connecter à Sésame',
          ignore: 'Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.',
          signature: 'Sésame — consultation locale sur les usages des données personnelles',
        };
  const text = `${t.hello}\n\n${t.body}\n\n${link}\n\n${t.ignore}\n\n— ${t.signature}\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;">
<p>${t.hello}</p>
<p>${t.body}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 12px 20px; background: #1d3f8f; color: #ffffff; text-decoration: none; border-radius: 6px;">${t.button}</a></p>
<p style="word-break: break-all;">${escapeHtml(link)}</p>
<p>${t.ignore}</p>
<p>— ${t.signature}</p>
</body></html>`;
  return { subject: t.subject, text, html };
}

/** Confirms a new address: sent to that address, so only its owner can attach it. */
export function emailChangeMail(locale: Locale, link: string, minutes: number): { subject: string; text: string; html: string } {
  const t =
    locale === 'en'
      ? {
          subject: 'Confirm your new address on Sésame',
          body: `Someone (you, we hope) asked to use this address on their Sésame account. To confirm, open this link within ${minutes} minutes, signed in to Sésame:`,
          button: 'Confirm this address',
          ignore: 'If it was not you, ignore this message: the address will not be used.',
        }
      : {
          subject: 'Confirmez votre nouvelle adresse sur Sésame',
          body: `Quelqu’un (vous, nous l’espérons) a demandé à utiliser cette adresse pour son compte Sésame. Pour confirmer, connectez-vous à Sésame, puis ouvrez ce lien dans les ${minutes} minutes :`,
          button: 'Confirmer cette adresse',
          ignore: 'Si ce n’est pas vous, ignorez ce message : l’adresse ne sera pas utilisée.',
        };
  const text = `${t.body}\n\n${link}\n\n${t.ignore}\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;">
<p>${t.body}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 12px 20px; background: #1d3f8f; color: #ffffff; text-decoration: none; border-radius: 6px;">${t.button}</a></p>
<p style="word-break: break-all;">${escapeHtml(link)}</p>
<p>${t.ignore}</p>
</body></html>`;
  return { subject: t.subject, text, html };
}

/**
 * Sent to an address someone asked to put on their account while it already
 * belongs to another one: its owner learns of the attempt; the requester,
 * answered as for a free address, learns nothing.
 */
export function emailInUseMail(locale: Locale): { subject: string; text: string; html: string } {
  const t =
    locale === 'en'
      ? {
          subject: 'Someone tried to use your address on Sésame',
          body: 'Someone asked to use this address for another Sésame account. It already belongs to your account, so nothing was changed.',
          ifYou: 'If it was you: sign in with this address to reach the account it belongs to. To move it to another account, first change or delete that one.',
          ignore: 'Otherwise you have nothing to do: your account and your address stay as they are.',
        }
      : {
          subject: 'Quelqu’un a essayé d’utiliser votre adresse sur Sésame',
          body: 'Quelqu’un a demandé à utiliser cette adresse pour un autre compte Sésame. Elle est déjà celle de votre compte : rien n’a changé.',
          ifYou: 'Si c’était vous : connectez-vous avec cette adresse pour retrouver le compte auquel elle appartient. Pour la déplacer vers un autre compte, changez d’abord l’adresse de celui-ci, ou supprimez-le.',
          ignore: 'Sinon, vous n’avez rien à faire : votre compte et votre adresse restent tels quels.',
        };
  const text = `${t.body}\n\n${t.ifYou}\n\n${t.ignore}\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;">
<p>${t.body}</p>
<p>${t.ifYou}</p>
<p>${t.ignore}</p>
</body></html>`;
  return { subject: t.subject, text, html };
}
