import { Link } from './Link';

type PaginationProps = {
  /** The current page (from 1). */
  page: number;
  totalPages: number;
  /** This list's address at another page, with the same search and filters. */
  hrefAt: (page: number) => string;
  /** Texts in the page's own namespace: each list names its pager (`aria-label`) for itself. */
  texts: { label: string; previous: string; next: string; status: string };
};

/**
 * Previous / "Page X sur Y" / next links of a paginated list. Plain links, so
 * every page has its own address and works without JavaScript.
 */
export function Pagination({ page, totalPages, hrefAt, texts }: PaginationProps) {
  return (
    <nav aria-label={texts.label} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            {/* Past the end (?page=99 of 3), "previous" leads to the last page, not to another empty one. */}
            <Link href={hrefAt(Math.min(page - 1, totalPages))} rel="prev">
              {texts.previous}
            </Link>
          </li>
        ) : null}
        <li className="pagination__status">{texts.status}</li>
        {page < totalPages ? (
          <li>
            <Link href={hrefAt(page + 1)} rel="next">
              {texts.next}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
