import { describe, expect, it } from '@jest/globals';

import { renderProposalMarkdown } from './markdown';

describe('renderProposalMarkdown', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const html = renderProposalMarkdown('Bonjour <script>alert(1)</script> et <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes HTML blocks too', () => {
    const html = renderProposalMarkdown('<div onclick="x()">\nbloc\n</div>');
    expect(html).not.toMatch(/<div/);
    expect(html).toContain('&lt;div onclick=');
    expect(html).toContain('&lt;/div&gt;');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '/compte', '//exemple.fr/piege'])('does not make a link of %s', (url) => {
    const html = renderProposalMarkdown(`[cliquez](${url})`);
    expect(html).not.toContain('<a');
    expect(html).toContain('cliquez');
  });

  it('does not make a link of an autolink with a forbidden scheme', () => {
    expect(renderProposalMarkdown('<javascript:alert(1)>')).not.toContain('<a');
  });

  it('keeps http(s) and mailto links, marked as user content', () => {
    const html = renderProposalMarkdown('Voir [la CNIL](https://www.cnil.fr/) ou [écrire](mailto:contact@exemple.fr).');
    expect(html).toContain('<a href="https://www.cnil.fr/" rel="nofollow ugc noopener noreferrer">la CNIL</a>');
    expect(html).toContain('<a href="mailto:contact@exemple.fr" rel="nofollow ugc noopener noreferrer">écrire</a>');
  });

  it('does not turn bare addresses into links (linkify is off)', () => {
    expect(renderProposalMarkdown('Voir https://exemple.fr')).not.toContain('<a');
  });

  it('demotes headings: never an h1 or h2 from a proposal text', () => {
    const html = renderProposalMarkdown('# Grand titre\n\n## Sous-titre\n\n### Petit\n\n###### Minuscule\n\nTitre souligné\n===');
    expect(html).not.toMatch(/<h[12][ >]/);
    expect(html).toContain('<h3>Grand titre</h3>');
    expect(html).toContain('<h4>Sous-titre</h4>');
    expect(html).toContain('<h5>Petit</h5>');
    expect(html).toContain('<h6>Minuscule</h6>');
    expect(html).toContain('<h3>Titre souligné</h3>');
  });

  it('renders lists and emphasis', () => {
    const html = renderProposalMarkdown('Nous demandons :\n\n- **moins** de caméras\n- des *explications*\n\n1. un\n2. deux');
    expect(html).toContain('<ul>\n<li><strong>moins</strong> de caméras</li>\n<li>des <em>explications</em></li>\n</ul>');
    expect(html).toContain('<ol>\n<li>un</li>\n<li>deux</li>\n</ol>');
  });

  it('drops images, keeping their text', () => {
    const html = renderProposalMarkdown('![une photo](https://exemple.fr/photo.jpg)');
    expect(html).not.toContain('<img');
  });

  it('uses French quotation marks (typographer)', () => {
    expect(renderProposalMarkdown('Il a dit "non".')).toContain('«\u202Fnon\u202F»');
  });

  it('renders an empty text as nothing', () => {
    expect(renderProposalMarkdown('  \n ')).toBe('');
  });
});
