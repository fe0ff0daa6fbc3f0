// The study overview: every journey of a study against the study's stages, and the friction
// that recurs across them. Pure, like the other metrics, over the touchpoints a researcher kept.

import {
  FRICTION_SEVERITIES,
  type FrictionSeverity,
  type Journey,
  type Persona,
  type Study,
  type Touchpoint,
} from '../model';
import { journeyMetrics, kept, stagesInUse, worstSeverity } from './journey';

export interface OverviewCell {
  stage: string;
  touchpoints: number;
  /** Touchpoints with friction (any severity but none). */
  friction: number;
  worst: FrictionSeverity;
  averageEmotion?: number;
}

export interface OverviewRow {
  journey: Journey;
  persona?: Persona;
  /** The hostname most of its touchpoints were captured on; none when all are off-site or manual. */
  site?: string;
  cells: OverviewCell[];
  /** Its kept touchpoints in walk order, for the top friction. */
  touchpoints: Touchpoint[];
}

export interface StudyOverview {
  study: Study;
  /** The study's stages, then any other stage a kept touchpoint uses. */
  stages: string[];
  rows: OverviewRow[];
}

export interface OverviewFilters {
  personaId?: string;
  site?: string;
}

/** The overview of a study's journeys (given in the order to show them). */
export function studyOverview(
  study: Study,
  journeys: Journey[],
  personas: Persona[],
  touchpointsByJourney: ReadonlyMap<string, Touchpoint[]>,
): StudyOverview {
  const keptByJourney = new Map(journeys.map((j) => [j.id, kept(touchpointsByJourney.get(j.id) ?? [])]));
  const stages = stagesInUse(study.stages, [...keptByJourney.values()].flat());
  const rows = journeys.map((journey): OverviewRow => {
    const touchpoints = keptByJourney.get(journey.id)!;
    // Every stage of the overview is a "study stage" here, so each row has a cell per column.
    const metrics = journeyMetrics(journey, touchpoints, stages);
    return {
      journey,
      persona: personas.find((p) => p.id === journey.personaId),
      site: mostCommonHost(touchpoints),
      touchpoints,
      cells: metrics.stages.map((s) => ({
        stage: s.stage,
        touchpoints: s.touchpoints,
        friction: s.friction,
        worst: worstSeverity(s.bySeverity),
        averageEmotion: s.averageEmotion,
      })),
    };
  });
  return { study, stages, rows };
}

/** The rows a persona and a site let through (an unset filter lets every row through). */
export function filterRows(rows: OverviewRow[], filters: OverviewFilters): OverviewRow[] {
  return rows.filter(
    (row) =>
      (filters.personaId === undefined || row.journey.personaId === filters.personaId) &&
      (filters.site === undefined || row.site === filters.site),
  );
}

/** The personas and the sites the rows have, to filter by: each once, sorted by name. */
export function filterChoices(rows: OverviewRow[]): { personas: Persona[]; sites: string[] } {
  const personas = new Map(rows.flatMap((r) => (r.persona ? [[r.persona.id, r.persona] as const] : [])));
  const sites = new Set(rows.flatMap((r) => (r.site ? [r.site] : [])));
  return {
    personas: [...personas.values()].sort((a, b) => a.name.localeCompare(b.name)),
    sites: [...sites].sort(),
  };
}

/** The highest severity counted, or none. */
export function severityRank(severity: FrictionSeverity): number {
  return FRICTION_SEVERITIES.indexOf(severity);
}

function mostCommonHost(touchpoints: Touchpoint[]): string | undefined {
  const counts = new Map<string, number>();
  for (const point of touchpoints) {
    const host = hostOf(point.url);
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  // Ties go to the host met first in the walk (Map keeps insertion order).
  let best: string | undefined;
  for (const [host, count] of counts) if (best === undefined || count > counts.get(best)!) best = host;
  return best;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** One kind of friction met in one stage: every touchpoint of that stage with that category. */
export interface FrictionGroup {
  stage: string;
  /** A friction category, or '' for friction given no category. */
  category: string;
  worst: FrictionSeverity;
  /** How many distinct journeys meet it. */
  journeys: number;
  touchpoints: { touchpoint: Touchpoint; journey: Journey }[];
}

/**
 * The study's friction grouped by stage and category, the worst first: by the highest severity,
 * then by how many journeys meet it, then by how many touchpoints; ties keep the stage order.
 */
export function topFriction(rows: OverviewRow[], stages: string[]): FrictionGroup[] {
  const groups = new Map<string, FrictionGroup>();
  for (const { journey, touchpoints } of rows) {
    for (const touchpoint of touchpoints) {
      const { severity, categories } = touchpoint.friction;
      if (severity === 'none') continue;
      for (const category of categories.length ? new Set(categories) : ['']) {
        const key = JSON.stringify([touchpoint.stage, category]);
        const group = groups.get(key) ?? {
          stage: touchpoint.stage,
          category,
          worst: 'none',
          journeys: 0,
          touchpoints: [],
        };
        if (severityRank(severity) > severityRank(group.worst)) group.worst = severity;
        group.touchpoints.push({ touchpoint, journey });
        groups.set(key, group);
      }
    }
  }
  const list = [...groups.values()];
  for (const group of list) group.journeys = new Set(group.touchpoints.map((t) => t.journey.id)).size;
  const stageIndex = (stage: string) => stages.indexOf(stage);
  return list.sort(
    (a, b) =>
      severityRank(b.worst) - severityRank(a.worst) ||
      b.journeys - a.journeys ||
      b.touchpoints.length - a.touchpoints.length ||
      stageIndex(a.stage) - stageIndex(b.stage),
  );
}
