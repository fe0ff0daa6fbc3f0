import { LayoutDashboard } from 'lucide-react';
import { openDashboard } from '@/lib/dashboard/open';
import { routeHash, type Route } from '@/lib/dashboard/routes';

/** Opens the dashboard in a tab, at the given page (the journey under way, say). */
export function OpenDashboardButton({ to, label = 'Open dashboard' }: { to: Route; label?: string }) {
  return (
    <button
      type="button"
      className="small-button"
      onClick={() => void openDashboard(routeHash(to).slice(1))}
      title="Review, map and compare journeys in a full tab"
    >
      <LayoutDashboard size={14} aria-hidden /> {label}
    </button>
  );
}
