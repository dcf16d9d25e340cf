import type { Page } from '@playwright/test';

import { FRENCH_WORDS } from '../../src/i18n/french-words';

/** A French word found in the English interface, with the text around it and where it was. */
export interface FrenchLeftover {
  word: string;
  text: string;
  where: string;
}

/**
 * Finds common French words in the page's text outside `lang="fr"` regions: in
 * the English interface, everything French (what residents and the town wrote,
 * neighbourhood names, pseudonyms) must sit inside an element marked
 * `lang="fr"`, so that screen readers switch voice and nothing of the interface
 * itself is left untranslated. Text read aloud but not shown counts too:
 * `aria-label`, `title`, `alt`, `placeholder`, select options. (The browser tab's
 * title cannot be marked: a record's page is named after the record.)
 * A heuristic on a list of words that do not exist in English.
 */
export async function frenchLeftovers(page: Page): Promise<FrenchLeftover[]> {
  return page.evaluate((words) => {
    const french = new Set(words);
    const found: { word: string; text: string; where: string }[] = [];
    const isFrench = (element: Element | null) => (element?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('fr');
    const describe = (element: Element) => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && parts.length < 3 && node !== document.body; node = node.parentElement) {
        parts.unshift(node.tagName.toLowerCase() + (node.id ? `#${node.id}` : '') + (node.getAttribute('class') ? `.${node.getAttribute('class')!.split(/\s+/)[0]}` : ''));
      }
      return parts.join(' > ');
    };
    const check = (text: string, element: Element, what: string) => {
      // Words are runs of letters, digits, hyphens and apostrophes; anything with a digit
      // (a reference such as DU-2026-007, a hash) is no word.
      for (const token of text.toLowerCase().match(/[\p{L}\p{N}’'-]+/gu) ?? []) {
        if (/\p{N}/u.test(token)) continue;
        const word = token.replace(/^[’'-]+|[’'-]+$/g, '');
        const bare = word.replace(/^(l|d|qu|n|s|c|j)[’']/, '');
        if (french.has(bare) || /^(l|d|qu|n|c|j)[’']\p{L}/u.test(word)) {
          found.push({ word: bare || word, text: text.trim().slice(0, 120), where: `${what} in ${describe(element)}` });
          return;
        }
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName) || isFrench(parent)) continue;
      // An option holds text only, no markup: a quoted excerpt of what people wrote (“…”) is allowed there.
      const text = parent.tagName === 'OPTION' ? (node.textContent ?? '').replace(/“[^”]*”|«[^»]*»/g, '') : (node.textContent ?? '');
      check(text, parent, 'text');
    }
    for (const element of Array.from(document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))) {
      if (isFrench(element)) continue;
      for (const attribute of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(attribute);
        if (value) check(value, element, attribute);
      }
    }
    return found;
  }, [...FRENCH_WORDS]);
}
