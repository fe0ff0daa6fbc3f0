import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '@/lib/dashboard/routes';

/** The route in the address's #fragment, followed as it changes (links, back and forward). */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
