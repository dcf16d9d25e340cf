import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
};

/** The page's single <h1>, with an optional introduction. */
export function PageHeader({ title, lead, children }: PageHeaderProps) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}
