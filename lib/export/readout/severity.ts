import { FRICTION_SEVERITIES, type FrictionSeverity } from '../../model';

/** The worst severity with a count above zero; "none" when nothing was met. */
export function worstSeverity(bySeverity: Record<FrictionSeverity, number>): FrictionSeverity {
  return [...FRICTION_SEVERITIES].reverse().find((s) => bySeverity[s] > 0) ?? 'none';
}
