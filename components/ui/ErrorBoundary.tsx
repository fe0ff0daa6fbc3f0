import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorText } from './errors';

interface State {
  error?: unknown;
}

/** Shows what went wrong instead of a blank page, and offers a reload; nothing stored is lost. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Touchtrail view failed', error, info.componentStack);
  }

  render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h1>Something went wrong in this view</h1>
        <p>{errorText(this.state.error)}</p>
        <p className="muted">Your studies and touchpoints are safe in the database.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
