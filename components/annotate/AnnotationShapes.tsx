import { useId } from 'react';
import { areaToPixels } from '@/lib/annotate/geometry';
import { annotationSizes } from '@/lib/annotate/style';
import type { Annotation } from '@/lib/model';
import './annotate.css';

interface Props {
  annotations: Annotation[];
  /** The screenshot's size in pixels: the drawing's coordinate space. */
  width: number;
  height: number;
  /** The unredacted capture, over which the editor previews redactions; other views omit it. */
  previewSource?: string;
  selectedId?: string;
}

/**
 * Annotations drawn as SVG over a screenshot of the given size. Labels are SVG text nodes, so
 * whatever a researcher types is shown as text, never parsed as markup.
 */
export function AnnotationShapes({ annotations, width, height, previewSource, selectedId }: Props) {
  const uid = useId().replace(/:/g, '');
  const sizes = annotationSizes(width);
  return (
    <g className="annotation-shapes">
      <defs>
        <marker id={`${uid}-head`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="annotation-fill" />
        </marker>
        <filter id={`${uid}-blur`}>
          <feGaussianBlur stdDeviation={sizes.unit * 1.5} />
        </filter>
      </defs>
      {annotations.map((annotation) => (
        <g
          key={annotation.id}
          data-annotation-id={annotation.id}
          className={annotation.id === selectedId ? 'annotation selected' : 'annotation'}
        >
          <Shape
            annotation={annotation}
            size={{ width, height }}
            sizes={sizes}
            arrowHead={`url(#${uid}-head)`}
            blurFilter={`url(#${uid}-blur)`}
            previewSource={previewSource}
            clipId={`${uid}-clip-${annotation.id}`}
          />
        </g>
      ))}
    </g>
  );
}

interface ShapeProps {
  annotation: Annotation;
  size: { width: number; height: number };
  sizes: ReturnType<typeof annotationSizes>;
  arrowHead: string;
  blurFilter: string;
  previewSource?: string;
  clipId: string;
}

function Shape({ annotation, size, sizes, arrowHead, blurFilter, previewSource, clipId }: ShapeProps) {
  const { width, height } = size;
  switch (annotation.kind) {
    case 'box': {
      const box = areaToPixels(annotation.area, width, height);
      return <rect {...box} className="annotation-stroke" strokeWidth={sizes.stroke} fill="none" rx={sizes.corner} />;
    }
    case 'arrow':
      return (
        <line
          x1={annotation.from.x * width}
          y1={annotation.from.y * height}
          x2={annotation.to.x * width}
          y2={annotation.to.y * height}
          className="annotation-stroke"
          strokeWidth={sizes.stroke}
          strokeLinecap="round"
          markerEnd={arrowHead}
        />
      );
    case 'marker': {
      const r = sizes.markerRadius;
      return (
        <>
          <circle cx={annotation.at.x * width} cy={annotation.at.y * height} r={r} className="annotation-fill" />
          <text
            x={annotation.at.x * width}
            y={annotation.at.y * height}
            fontSize={r * 1.2}
            textAnchor="middle"
            dominantBaseline="central"
            className="annotation-marker-text"
          >
            {annotation.number}
          </text>
        </>
      );
    }
    case 'text': {
      const fontSize = sizes.labelFont;
      const x = annotation.at.x * width;
      const y = annotation.at.y * height;
      const labelBox = sizes.labelBox(annotation.text, x);
      return (
        <>
          <rect
            x={x}
            y={y}
            width={labelBox.width}
            height={labelBox.height}
            rx={sizes.corner}
            className="annotation-label"
          />
          <text x={x + fontSize / 2} y={y + fontSize * 0.8} fontSize={fontSize} dominantBaseline="central">
            {annotation.text}
          </text>
        </>
      );
    }
    case 'redaction': {
      // Outside the editor a redaction is already in the pixels: nothing to draw.
      if (!previewSource) return null;
      const box = areaToPixels(annotation.area, width, height);
      if (annotation.style === 'solid') return <rect {...box} className="redaction redaction-solid" />;
      return (
        <>
          <clipPath id={clipId}>
            <rect {...box} />
          </clipPath>
          <image
            href={previewSource}
            width={width}
            height={height}
            clipPath={`url(#${clipId})`}
            filter={blurFilter}
            preserveAspectRatio="none"
          />
          <rect {...box} className="redaction redaction-outline" />
        </>
      );
    }
  }
}
