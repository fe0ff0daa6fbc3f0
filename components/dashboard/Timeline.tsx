import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { deleteTouchpoints, reorderTouchpoints, restoreTouchpoints } from '@/lib/db';
import { applyFilters, isFiltered, NO_FILTERS, type TimelineFilters } from '@/lib/dashboard/filters';
import { stagesInUse } from '@/lib/metrics/journey';
import type { Journey, Study, Touchpoint } from '@/lib/model';
import { errorText } from '../ui/errors';
import { BulkBar } from './BulkBar';
import { useDashboard } from './context';
import { Lightbox } from './Lightbox';
import { TimelineCard } from './TimelineCard';
import { TimelineFilterBar } from './TimelineFilterBar';

interface Props {
  journey: Journey;
  study: Study;
  touchpoints: Touchpoint[];
}

/**
 * Every touchpoint in walk order, filtered and searchable, edited in place, reordered by drag
 * or keyboard, selected for bulk edits. Only the cards in view are rendered (a study can hold
 * thousands), and each loads its own thumbnail when it comes into view.
 */
export function Timeline({ journey, study, touchpoints }: Props) {
  const { toast, error } = useDashboard();
  const [filters, setFilters] = useState<TimelineFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const shown = applyFilters(touchpoints, filters);
  const stages = stagesInUse(study.stages, touchpoints);
  const canReorder = !isFiltered(filters);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 124,
    overscan: 6,
    getItemKey: (index) => shown[index]!.id,
  });

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const remove = async (ids: string[]) => {
    try {
      const deleted = await deleteTouchpoints(ids);
      setSelected(new Set());
      const what = deleted.length === 1 ? `touchpoint ${deleted[0]!.touchpoint.seq}` : `${deleted.length} touchpoints`;
      toast({ text: `Deleted ${what}.`, undo: () => void restoreTouchpoints(deleted), focus: true });
    } catch (reason) {
      error(`Could not delete: ${errorText(reason)}`);
    }
  };
  const reorder = async (ids: string[], message: string) => {
    const before = touchpoints.map((t) => t.id);
    try {
      await reorderTouchpoints(journey.id, ids);
      toast({ text: message, undo: () => void reorderTouchpoints(journey.id, before) });
    } catch (reason) {
      error(`Could not reorder: ${errorText(reason)}`);
    }
  };
  const moveBy = (id: string, offset: number) => {
    const ids = touchpoints.map((t) => t.id);
    const from = ids.indexOf(id);
    const to = Math.min(ids.length - 1, Math.max(0, from + offset));
    if (from === to) return;
    ids.splice(to, 0, ...ids.splice(from, 1));
    void reorder(ids, `Moved “${touchpoints[from]!.title || 'Untitled'}” to place ${to + 1}.`);
  };
  const dropOn = (targetId: string) => {
    if (!dragged || dragged === targetId) return;
    const ids = touchpoints.map((t) => t.id).filter((id) => id !== dragged);
    ids.splice(ids.indexOf(targetId), 0, dragged);
    const title = touchpoints.find((t) => t.id === dragged)?.title || 'Untitled';
    void reorder(ids, `Moved “${title}” to place ${ids.indexOf(dragged) + 1}.`);
  };
  const viewable = shown.filter((t) => t.screenshotId);

  return (
    <section aria-label="Timeline" className="timeline">
      <TimelineFilterBar
        filters={filters}
        onChange={setFilters}
        stages={stages}
        shown={shown.length}
        total={touchpoints.length}
      />
      <BulkBar
        selected={touchpoints.filter((t) => selected.has(t.id))}
        stages={stages}
        allShownSelected={shown.length > 0 && shown.every((t) => selected.has(t.id))}
        onSelectAll={(on) => setSelected(new Set(on ? shown.map((t) => t.id) : []))}
        onDelete={(ids) => void remove(ids)}
      />
      {!canReorder && <p className="muted small">Clear the filters to reorder touchpoints.</p>}
      {shown.length === 0 ? (
        <p className="empty">{touchpoints.length ? 'No touchpoint matches these filters.' : 'No touchpoints yet.'}</p>
      ) : (
        <div className="timeline-scroll" ref={scroller}>
          <ol className="timeline-list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const point = shown[item.index]!;
              return (
                <TimelineCard
                  key={item.key}
                  ref={virtualizer.measureElement}
                  index={item.index}
                  top={item.start}
                  touchpoint={point}
                  stages={stages}
                  selected={selected.has(point.id)}
                  expanded={expanded === point.id}
                  canReorder={canReorder}
                  onSelect={(on) => select(point.id, on)}
                  onToggle={() => setExpanded(expanded === point.id ? null : point.id)}
                  onView={() => setViewing(point.id)}
                  onDelete={() => void remove([point.id])}
                  onMove={(offset) => moveBy(point.id, offset)}
                  onDragStart={() => setDragged(point.id)}
                  onDragEnd={() => setDragged(null)}
                  onDrop={() => dropOn(point.id)}
                />
              );
            })}
          </ol>
        </div>
      )}
      {viewing && (
        <Lightbox touchpoints={viewable} currentId={viewing} onShow={setViewing} onClose={() => setViewing(null)} />
      )}
    </section>
  );
}
