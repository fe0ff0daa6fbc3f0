import type { ReactNode } from 'react';
import { routeHash, type Route } from '@/lib/dashboard/routes';

/** A link to a dashboard page: a real link, so it opens in a new tab and reads as a link. */
export function Link({
  to,
  children,
  className,
  current,
  label,
}: {
  to: Route;
  children: ReactNode;
  className?: string;
  current?: boolean;
  /** An accessible name when the visible text needs its context (it should contain that text). */
  label?: string;
}) {
  return (
    <a href={routeHash(to)} className={className} aria-current={current ? 'page' : undefined} aria-label={label}>
      {children}
    </a>
  );
}
