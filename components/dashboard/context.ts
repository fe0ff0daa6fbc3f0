import { createContext, useContext } from 'react';
import type { Route } from '@/lib/dashboard/routes';
import type { ToastMessage } from '../ui/Toast';

export interface Dashboard {
  navigate: (route: Route) => void;
  toast: (message: Omit<ToastMessage, 'id'>) => void;
  error: (text: string) => void;
}

export const DashboardContext = createContext<Dashboard | null>(null);

/** Navigation and messages, for any part of the dashboard. */
export function useDashboard(): Dashboard {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside the dashboard');
  return value;
}
