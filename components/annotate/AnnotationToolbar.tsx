import { Check, Redo2, Undo2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { TOOLS, type ToolId } from './tools';

interface Props {
  tool: ToolId;
  onTool: (tool: ToolId) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onDone: () => void;
}

export function AnnotationToolbar({ tool, onTool, canUndo, canRedo, onUndo, onRedo, onDone }: Props) {
  return (
    <div className="annotation-toolbar" role="toolbar" aria-label="Annotation tools">
      {TOOLS.map(({ id, label, shortcut, icon: Icon }) => (
        <ToolButton key={id} label={label} shortcut={shortcut} pressed={tool === id} onClick={() => onTool(id)}>
          <Icon size={16} aria-hidden />
        </ToolButton>
      ))}
      <span className="toolbar-gap" />
      <ToolButton label="Undo" shortcut="Ctrl+Z" disabled={!canUndo} onClick={onUndo}>
        <Undo2 size={16} aria-hidden />
      </ToolButton>
      <ToolButton label="Redo" shortcut="Ctrl+Shift+Z" disabled={!canRedo} onClick={onRedo}>
        <Redo2 size={16} aria-hidden />
      </ToolButton>
      <button type="button" className="small-button" onClick={onDone} title="Close the editor (Esc)">
        <Check size={14} aria-hidden /> Done
      </button>
    </div>
  );
}

interface ToolButtonProps {
  label: string;
  /** As shown to people: "Ctrl+Z", "B". */
  shortcut: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

function ToolButton({ label, shortcut, pressed, disabled, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={pressed}
      aria-label={label}
      aria-keyshortcuts={shortcut.replace('Ctrl', 'Control')}
      title={`${label} (${shortcut})`}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
