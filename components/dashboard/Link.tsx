import type { ReactNode } from 'react';
import { routeHash, type Route } from '@/lib/dashboard/routes';

/** A link to a dashboard page: a real link, so it opens in a new tab and reads as a link. */
export function Link({
  to,
  children,
  className,
  current,
}: {
  to: Route;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  return (
    <a href={routeHash(to)} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
