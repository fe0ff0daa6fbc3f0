import { useEffect, useId, useRef, type ReactNode } from 'react';
import './charts.css';

interface Props {
  title: string;
  /** What the chart shows in words: with the title, the picture's accessible name. */
  summary: string;
  width: number;
  height: number;
  /** The SVG's content, drawn in a viewBox of width × height. */
  children: ReactNode;
  legend?: ReactNode;
  /** The same numbers as a table, for screen readers, print and copying. */
  table: ReactNode;
}

/**
 * A chart as a figure: a titled picture with an accessible name, a legend in words and its table.
 * Printing opens the table (Chromium cannot show a closed <details>'s content from CSS alone).
 */
export function ChartFigure({ title, summary, width, height, children, legend, table }: Props) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    let wasOpen = false;
    const open = () => {
      if (!details.current) return;
      wasOpen = details.current.open;
      details.current.open = true;
    };
    const restore = () => {
      if (details.current) details.current.open = wasOpen;
    };
    window.addEventListener('beforeprint', open);
    window.addEventListener('afterprint', restore);
    return () => {
      window.removeEventListener('beforeprint', open);
      window.removeEventListener('afterprint', restore);
    };
  }, []);
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p id={`${id}-summary`} hidden>
        {summary}
      </p>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: width }}
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
      >
        {children}
      </svg>
      {legend}
      <details className="chart-table" ref={details}>
        <summary>
          Table<span className="visually-hidden">: {title}</span>
        </summary>
        {table}
      </details>
    </figure>
  );
}

/** An id usable inside url(#…): useId's colons and guillemets are not. */
export function useSvgId(): string {
  return `chart-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
