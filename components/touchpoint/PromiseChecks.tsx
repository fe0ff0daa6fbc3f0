import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { PROMISE_STATUSES, type Touchpoint } from '@/lib/model';
import { Choice } from '../ui/Choice';

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
        <Choice
          key={promise.id}
          label={promise.text}
          value={statusOf(promise.id) ?? ''}
          options={PROMISE_STATUSES}
          empty="Not checked"
          onChange={(status) => set(promise.id, status)}
        />
      ))}
    </fieldset>
  );
}
