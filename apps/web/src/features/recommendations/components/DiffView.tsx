import type { VersionDiffDto } from '@sesame/domain';

import styles from './recommendations.module.css';

type Part = VersionDiffDto['body'][number];

/**
 * A diff between two texts: insertions in <ins>, deletions in <del>, each
 * named in words (« ajouté », « supprimé ») before and after for screen
 * readers, and underlined or struck through — never told by colour alone.
 */
export function DiffView({ parts, labels, lang = 'fr' }: { parts: Part[]; labels: { added: string; removed: string; end: string; lang?: string }; lang?: string }) {
  // The words that name a change are said in the reader's language, the text in its own.
  const said = labels.lang && labels.lang !== lang ? labels.lang : undefined;
  return (
    <div className={styles.diff} lang={lang} data-testid="diff">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>
            <span className="visually-hidden" lang={said}>
              [{labels.added}{' '}
            </span>
            {part.value}
            <span className="visually-hidden" lang={said}>
              {' '}
              {labels.end}]
            </span>
          </ins>
        ) : part.removed ? (
          <del key={index}>
            <span className="visually-hidden" lang={said}>
              [{labels.removed}{' '}
            </span>
            {part.value}
            <span className="visually-hidden" lang={said}>
              {' '}
              {labels.end}]
            </span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </div>
  );
}
