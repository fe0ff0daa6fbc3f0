import { Angry, Frown, Laugh, Meh, PenLine, Smile } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { updateTouchpoint, type TouchpointPatch } from '@/lib/db';
import {
  CHANNEL_GROUPS,
  EFFORT_MAX,
  EFFORT_MIN,
  EMOTION_LABELS,
  FRICTION_CATEGORIES,
  FRICTION_SEVERITIES,
  INITIATORS,
  OWNERS,
  PURCHASE_PHASES,
  label,
  type FrictionCategory,
  type Touchpoint,
} from '@/lib/model';
import { AnnotationEditor } from '../annotate/AnnotationEditor';
import { Choice } from '../ui/Choice';
import { errorText } from '../ui/errors';
import { useDraftText } from '../ui/hooks';
import { ConsiderationsFields } from './ConsiderationsFields';
import { PromiseChecks } from './PromiseChecks';
import { SignalSuggestions } from './SignalSuggestions';

interface Props {
  touchpoint: Touchpoint;
  stages: string[];
  onError: (message: string) => void;
}

const EMOTION_FACES: Record<number, typeof Meh> = { [-2]: Angry, [-1]: Frown, 0: Meh, 1: Smile, 2: Laugh };

/** The annotation form of one touchpoint. Every change saves itself. */
export function TouchpointForm({ touchpoint: stored, stages, onError }: Props) {
  const uid = useId();
  // Edits show at once and stay shown until the stored record has caught up with them; they are
  // dropped while rendering (not in an effect), so no frame shows a stale value.
  const [pending, setPending] = useState<TouchpointPatch>({});
  const notYetSaved = withoutSaved(pending, stored);
  if (notYetSaved !== pending) setPending(notYetSaved);
  const point = { ...stored, ...pending };
  const save = (patch: TouchpointPatch) => {
    setPending((current) => ({ ...current, ...patch }));
    updateTouchpoint(stored.id, patch).catch((error: unknown) => {
      setPending((current) => withoutKeys(current, Object.keys(patch)));
      onError(`Could not save: ${errorText(error)}`);
    });
  };
  const title = useDraftText(point.title, (value) => save({ title: value }));
  const notes = useDraftText(point.friction.notes, (value) => save({ friction: { ...point.friction, notes: value } }));
  const goal = useDraftText(point.goal ?? '', (value) => save({ goal: value || undefined }));
  const department = useDraftText(point.department ?? '', (value) => save({ department: value || undefined }));
  const [annotating, setAnnotating] = useState(false);
  const annotateButton = useRef<HTMLButtonElement>(null);
  const closeEditor = () => {
    setAnnotating(false);
    // Focus goes back where it came from once the button is shown again.
    requestAnimationFrame(() => annotateButton.current?.focus());
  };
  const stageOptions = stages.includes(point.stage) ? stages : [...stages, point.stage];

  const toggleCategory = (category: FrictionCategory, on: boolean) => {
    const categories = on
      ? [...point.friction.categories, category]
      : point.friction.categories.filter((c) => c !== category);
    save({ friction: { ...point.friction, categories } });
  };

  return (
    <div className="touchpoint-form">
      <SignalSuggestions touchpointId={stored.id} signals={stored.signals} onError={onError} />
      {stored.screenshotId &&
        (annotating ? (
          <AnnotationEditor touchpoint={stored} onClose={closeEditor} onError={onError} />
        ) : (
          <button
            type="button"
            className="small-button wide annotate-button"
            ref={annotateButton}
            onClick={() => setAnnotating(true)}
          >
            <PenLine size={14} aria-hidden /> Annotate &amp; redact screenshot
            {stored.annotations.length > 0 && ` (${stored.annotations.length})`}
          </button>
        ))}
      <label className="field wide">
        <span>Title</span>
        <input type="text" data-autofocus maxLength={500} {...title} />
      </label>
      <label className="field">
        <span>Stage</span>
        <select value={point.stage} onChange={(e) => save({ stage: e.target.value })}>
          {stageOptions.map((stage) => (
            <option key={stage} value={stage}>
              {stage}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Channel</span>
        <select value={point.channel} onChange={(e) => save({ channel: e.target.value as Touchpoint['channel'] })}>
          {Object.entries(CHANNEL_GROUPS).map(([group, channels]) => (
            <optgroup key={group} label={group[0]?.toUpperCase() + group.slice(1)}>
              {channels.map((channel) => (
                <option key={channel} value={channel}>
                  {label(channel)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Owner</span>
        <select value={point.owner} onChange={(e) => save({ owner: e.target.value as Touchpoint['owner'] })}>
          {OWNERS.map((owner) => (
            <option key={owner} value={owner}>
              {label(owner)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Friction severity</span>
        <select
          value={point.friction.severity}
          data-severity={point.friction.severity}
          onChange={(e) =>
            save({ friction: { ...point.friction, severity: e.target.value as Touchpoint['friction']['severity'] } })
          }
        >
          {FRICTION_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {label(severity)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field wide chips">
        <legend>Friction categories</legend>
        {FRICTION_CATEGORIES.map((category) => (
          <label key={category} className="chip">
            <input
              type="checkbox"
              checked={point.friction.categories.includes(category)}
              onChange={(e) => toggleCategory(category, e.target.checked)}
            />
            {label(category)}
          </label>
        ))}
      </fieldset>
      <label className="field wide">
        <span>Friction notes</span>
        <textarea rows={2} maxLength={20_000} {...notes} />
      </label>
      <fieldset className="field wide emotion">
        <legend>Emotion</legend>
        {[-2, -1, 0, 1, 2].map((value) => {
          const Face = EMOTION_FACES[value] ?? Meh;
          return (
            <label key={value} className="emotion-option" title={EMOTION_LABELS[value]}>
              <input
                type="radio"
                name={`${uid}-emotion`}
                checked={point.emotion === value}
                onChange={() => save({ emotion: value })}
                aria-label={`${value > 0 ? '+' : ''}${value} ${EMOTION_LABELS[value]}`}
              />
              <span aria-hidden="true" className="emotion-face">
                <Face size={18} /> {value > 0 ? `+${value}` : value}
              </span>
            </label>
          );
        })}
        {point.emotion !== undefined && (
          <button type="button" className="link-button" onClick={() => save({ emotion: undefined })}>
            Clear emotion
          </button>
        )}
      </fieldset>
      <div className="field wide flags">
        <label>
          <input
            type="checkbox"
            checked={point.momentOfTruth}
            onChange={(e) => save({ momentOfTruth: e.target.checked })}
          />
          Moment of truth
        </label>
        <label>
          <input type="checkbox" checked={point.key} onChange={(e) => save({ key: e.target.checked })} />
          Key touchpoint
        </label>
      </div>
      <ConsiderationsFields value={point.considerations} onChange={(considerations) => save({ considerations })} />
      <PromiseChecks touchpoint={point} onChange={(promiseChecks) => save({ promiseChecks })} />
      <details className="wide more">
        <summary>More details</summary>
        <div className="touchpoint-form">
          <OptionalSelect
            label="Purchase phase"
            value={point.purchasePhase}
            options={PURCHASE_PHASES}
            onChange={(purchasePhase) => save({ purchasePhase })}
          />
          <OptionalSelect
            label="Initiator"
            value={point.initiator}
            options={INITIATORS}
            onChange={(initiator) => save({ initiator })}
          />
          <OptionalSelect
            label="Effort (1 very easy – 7 very hard)"
            value={point.effort === undefined ? undefined : String(point.effort)}
            options={Array.from({ length: EFFORT_MAX - EFFORT_MIN + 1 }, (_, i) => String(EFFORT_MIN + i))}
            onChange={(effort) => save({ effort: effort === undefined ? undefined : Number(effort) })}
          />
          <label className="field">
            <span>Goal</span>
            <input type="text" maxLength={500} {...goal} />
          </label>
          <label className="field">
            <span>Department</span>
            <input type="text" maxLength={500} {...department} />
          </label>
          {point.url && (
            <p className="wide muted url" title={point.url}>
              {point.url}
            </p>
          )}
        </div>
      </details>
    </div>
  );
}

function withoutSaved(pending: TouchpointPatch, stored: Touchpoint): TouchpointPatch {
  const saved = Object.entries(pending)
    .filter(([key, value]) => JSON.stringify(stored[key as keyof Touchpoint]) === JSON.stringify(value))
    .map(([key]) => key);
  return saved.length ? withoutKeys(pending, saved) : pending;
}

function withoutKeys(patch: TouchpointPatch, keys: string[]): TouchpointPatch {
  return Object.fromEntries(Object.entries(patch).filter(([key]) => !keys.includes(key)));
}

/** A vocabulary field that may be left unset ("Not set"). */
function OptionalSelect<T extends string>(props: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <Choice
      label={props.label}
      value={props.value ?? ''}
      options={props.options}
      empty="Not set"
      onChange={(value) => props.onChange(value === '' ? undefined : (value as T))}
    />
  );
}
