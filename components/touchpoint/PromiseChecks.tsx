import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { label, PROMISE_STATUSES, type Touchpoint } from '@/lib/model';

interface Props {
  touchpoint: Touchpoint;
  onChange: (promiseChecks: Touchpoint['promiseChecks']) => void;
}

/** Whether this touchpoint keeps or breaks each of the study's customer promises. */
export function PromiseChecks({ touchpoint, onChange }: Props) {
  const promises = useLiveQuery(async () => {
    const journey = await db.journeys.get(touchpoint.journeyId);
    return journey ? ((await db.studies.get(journey.studyId))?.promises ?? []) : [];
  }, [touchpoint.journeyId]);
  if (!promises?.length) return null;
  const statusOf = (promiseId: string) => touchpoint.promiseChecks.find((c) => c.promiseId === promiseId)?.status;
  const set = (promiseId: string, status: string) => {
    const others = touchpoint.promiseChecks.filter((c) => c.promiseId !== promiseId);
    onChange(status ? [...others, { promiseId, status: status as (typeof PROMISE_STATUSES)[number] }] : others);
  };
  return (
    <fieldset className="field wide promise-checks">
      <legend>Customer promises</legend>
      {promises.map((promise) => (
        <label key={promise.id} className="promise-check">
          <span>{promise.text}</span>
          <select value={statusOf(promise.id) ?? ''} onChange={(e) => set(promise.id, e.target.value)}>
            <option value="">Not checked</option>
            {PROMISE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {label(status)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
