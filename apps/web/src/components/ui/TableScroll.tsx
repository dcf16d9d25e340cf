import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

type TableScrollProps = {
  /** The id of the table's <caption>: it names the region. */
  captionId: string;
  /** One `<table className="data-table">` with `<caption id={captionId}>`. */
  children: ReactNode;
};

/**
 * Every wide table sits in one: on a phone the table scrolls sideways inside
 * this region, never the page. The region is focusable (keyboard users scroll
 * it with the arrow keys; axe's scrollable-region-focusable), named by the
 * table's caption, shows shadows where the table goes on, and says in words,
 * on narrow screens, that it scrolls (globals.css, Tables).
 */
export async function TableScroll({ captionId, children }: TableScrollProps) {
  const t = await getTranslations('TableScroll');
  const hintId = `${captionId}-defilement`;
  return (
    <>
      <p id={hintId} className="table-scroll__hint">
        {t('hint')}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} aria-describedby={hintId} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
