import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { deleteTouchpoints, moveTouchpoint, reorderTouchpoints, restoreTouchpoints } from '@/lib/db';
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
  /** The stage to show at first (a cell of the study overview opens its stage); others are ignored. */
  initialStage?: string;
}

/**
 * Every touchpoint in walk order, filtered and searchable, edited in place, reordered by drag
 * or keyboard, selected for bulk edits. Only the cards in view are rendered (a study can hold
 * thousands), and each loads its own thumbnail when it comes into view.
 */
export function Timeline({ journey, study, touchpoints, initialStage }: Props) {
  const { toast, error } = useDashboard();
  const [filters, setFilters] = useState<TimelineFilters>(() =>
    initialStage && stagesInUse(study.stages, touchpoints).includes(initialStage)
      ? { ...NO_FILTERS, stage: initialStage }
      : NO_FILTERS,
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [moved, setMoved] = useState<{ id: string; until: number } | null>(null);
  const moves = useRef(Promise.resolve());
  const scroller = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => applyFilters(touchpoints, filters), [touchpoints, filters]);
  const stages = useMemo(() => stagesInUse(study.stages, touchpoints), [study.stages, touchpoints]);
  // Bulk actions act on what is selected and shown, never on cards a filter hides.
  const selectedShown = shown.filter((t) => selected.has(t.id));
  const canReorder = !isFiltered(filters);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 124,
    overscan: 6,
    getItemKey: (index) => shown[index]!.id,
  });

  // A card moved from the keyboard stays in view and keeps the focus on its handle.
  // (Only just after the move: later live updates must not pull the list back to it.)
  useEffect(() => {
    if (!moved || Date.now() > moved.until) return;
    const index = shown.findIndex((t) => t.id === moved.id);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-move-handle="${moved.id}"]`)?.focus(),
    );
  }, [moved, shown, virtualizer]);

  const undoing = (work: () => Promise<unknown>) => () =>
    void work().catch((reason: unknown) => error(`Could not undo: ${errorText(reason)}`));
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
      toast({ text: `Deleted ${what}.`, undo: undoing(() => restoreTouchpoints(deleted)), focus: true });
    } catch (reason) {
      error(`Could not delete: ${errorText(reason)}`);
    }
  };
  const titleOf = (id: string) => touchpoints.find((t) => t.id === id)?.title || 'Untitled';
  const announceMove = (id: string, before: string[], place: number) =>
    toast({
      text: `Moved “${titleOf(id)}” to place ${place}.`,
      undo: undoing(() => reorderTouchpoints(journey.id, before)),
    });
  // Moves run one after another, each from the order the last one left.
  const moveBy = (id: string, offset: number) => {
    setMoved({ id, until: Date.now() + 2000 });
    moves.current = moves.current.then(async () => {
      try {
        const { before, place } = await moveTouchpoint(journey.id, id, offset);
        announceMove(id, before, place);
      } catch (reason) {
        error(`Could not move it: ${errorText(reason)}`);
      }
    });
  };
  // Dropped on a card: takes that card's place (after it when moving down, before it when up).
  const dropOn = (targetId: string) => {
    if (!dragged || dragged === targetId) return;
    const ids = touchpoints.map((t) => t.id);
    const offset = ids.indexOf(targetId) - ids.indexOf(dragged);
    moveBy(dragged, offset);
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
        selected={selectedShown}
        stages={stages}
        allShownSelected={shown.length > 0 && selectedShown.length === shown.length}
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
                  // Scrolled past at speed, a card shows its thumbnail once the list settles.
                  loadThumbnail={!virtualizer.isScrolling}
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
