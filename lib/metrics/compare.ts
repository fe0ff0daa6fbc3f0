// Comparing 2–4 journeys stage by stage: which one needs more steps or meets more friction.

import type { JourneyMetrics } from './journey';

export interface ComparedStage {
  stage: string;
  /** Per journey, in the order given. */
  touchpoints: number[];
  friction: number[];
  averageEmotion: (number | undefined)[];
  averageEffort: (number | undefined)[];
  /** Per journey: whether it needs more steps / meets more friction here than every other one. */
  mostSteps: boolean[];
  mostFriction: boolean[];
}

export interface Comparison {
  stages: ComparedStage[];
  toFirstPurchaseSteps: (number | undefined)[];
  mostStepsToPurchase: boolean[];
}

/** Lines the journeys up on the union of their stages (in the order they first appear). */
export function compareJourneys(journeys: JourneyMetrics[]): Comparison {
  const stageNames = [...new Set(journeys.flatMap((j) => j.stages.map((s) => s.stage)))];
  const stages = stageNames.map((stage) => {
    const found = journeys.map((j) => j.stages.find((s) => s.stage === stage));
    const touchpoints = found.map((s) => s?.touchpoints ?? 0);
    const friction = found.map((s) => s?.friction ?? 0);
    return {
      stage,
      touchpoints,
      friction,
      averageEmotion: found.map((s) => s?.averageEmotion),
      averageEffort: found.map((s) => s?.averageEffort),
      mostSteps: strictlyHighest(touchpoints),
      mostFriction: strictlyHighest(friction),
    };
  });
  const toFirstPurchaseSteps = journeys.map((j) => j.toFirstPurchase?.steps);
  return {
    stages,
    toFirstPurchaseSteps,
    mostStepsToPurchase: strictlyHighest(toFirstPurchaseSteps.map((s) => s ?? -Infinity)),
  };
}

/** Marks the one value above all the others; nothing when the top is shared or all are zero. */
export function strictlyHighest(values: number[]): boolean[] {
  const top = Math.max(...values);
  const atTop = values.filter((v) => v === top).length;
  return values.map((v) => v === top && atTop === 1 && top > 0);
}
