import { CHANNELS, FRICTION_SEVERITIES, OWNERS } from '@/lib/model';
import { Choice } from '../ui/Choice';
import { isFiltered, NO_FILTERS, type TimelineFilters } from '@/lib/dashboard/filters';

interface Props {
  filters: TimelineFilters;
  onChange: (filters: TimelineFilters) => void;
  stages: string[];
  shown: number;
  total: number;
}

type ChoiceKey = 'stage' | 'channel' | 'owner' | 'severity';
type FlagKey = 'key' | 'momentOfTruth' | 'draft';

/** Search and filters over the timeline; the count says how many touchpoints they let through. */
export function TimelineFilterBar({ filters, onChange, stages, shown, total }: Props) {
  const set = (patch: Partial<TimelineFilters>) => onChange({ ...filters, ...patch });
  const choice = (key: ChoiceKey, name: string, options: readonly string[]) => (
    <Choice
      label={name}
      value={filters[key] ?? ''}
      options={options}
      empty="Any"
      onChange={(value) => set({ [key]: value || undefined })}
    />
  );
  const flag = (key: FlagKey, name: string) => (
    <label className="field">
      <span>{name}</span>
      <select
        value={filters[key] === undefined ? '' : String(filters[key])}
        onChange={(e) => set({ [key]: e.target.value === '' ? undefined : e.target.value === 'true' })}
      >
        <option value="">Any</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    </label>
  );

  return (
    <div className="filter-bar" role="search" aria-label="Filter touchpoints">
      <label className="field search-field">
        <span>Search titles and notes</span>
        <input type="search" value={filters.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      {choice('stage', 'Stage', stages)}
      {choice('channel', 'Channel', CHANNELS)}
      {choice('owner', 'Owner', OWNERS)}
      {choice('severity', 'Friction', FRICTION_SEVERITIES)}
      {flag('key', 'Key touchpoint')}
      {flag('momentOfTruth', 'Moment of truth')}
      {flag('draft', 'Draft')}
      <p className="filter-count" role="status">
        {shown === total ? `${total} touchpoints` : `${shown} of ${total} touchpoints`}
      </p>
      {isFiltered(filters) && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
