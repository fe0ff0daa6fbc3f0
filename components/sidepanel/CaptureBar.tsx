import { Camera, Mail, MousePointerClick, ScrollText } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { CaptureError } from '@/lib/capture/errors';
import { PANEL_REQUEST_KINDS, reportCaptureFailure, updateCaptureStatus } from '@/lib/capture/report';
import { setAutoRecord, setMasking } from '@/lib/db';
import { captureRequestReply, type PanelToBackground } from '@/lib/messaging/protocol';
import type { Journey } from '@/lib/model';
import { captureStatus, type CaptureRetry } from '@/lib/extension-storage/items';
import { toAriaShortcut, useCommandShortcut, useStorageItem } from '../ui/hooks';
import { SettingSwitch } from '../ui/SettingSwitch';
import type { ToastMessage } from '../ui/Toast';
import { AllowListEditor } from './AllowListEditor';
import { CaptureFailure } from './CaptureFailure';
import { CaptureProblems } from './CaptureProblems';
import { MaskPreview } from './MaskPreview';
import { panelWindowId } from './panel-window';
import { PrivacySettings } from './PrivacySettings';
import { SignalSettings } from './SignalSettings';
import { errorText } from '../ui/errors';

interface Props {
  journey: Journey;
  onAddOffsite: () => void;
  onError: (message: string) => void;
  onToast: (toast: Omit<ToastMessage, 'id'>) => void;
}

/** The walk's controls: capture, pick, off-site, the journey's switches, and the capture status. */
export function CaptureBar({ journey, onAddOffsite, onError, onToast }: Props) {
  const status = useStorageItem(captureStatus);
  const shortcut = useCommandShortcut('capture-touchpoint');
  const pickShortcut = useCommandShortcut('pick-element');
  const paused = journey.status === 'paused';
  const captureButton = useRef<HTMLButtonElement>(null);
  // Known before the first click, so a capture starts with the message to the background.
  useEffect(() => void panelWindowId().catch(() => undefined), []);

  // A refusal (reply not ok) is already shown: the background reported it in the capture status.
  const askBackground = async (type: PanelToBackground['type'], retryOf?: Omit<CaptureRetry, 'type'>) => {
    let windowId: number | undefined;
    try {
      windowId = await panelWindowId();
      const message: PanelToBackground = { type, journeyId: journey.id, windowId, retryOf };
      captureRequestReply.parse(await browser.runtime.sendMessage(message));
    } catch (error) {
      const unanswered = new CaptureError(
        `Touchtrail’s background did not answer (${errorText(error)}). Try again; if it keeps failing, reload Touchtrail on the browser’s extensions page. Nothing was saved.`,
      );
      await reportCaptureFailure(unanswered, { kind: PANEL_REQUEST_KINDS[type], windowId });
    }
  };

  // The message and its buttons go: focus goes back to the capture button rather than nowhere.
  const closeFailure = () => {
    void updateCaptureStatus(({ lastError: _, ...rest }) => rest);
    captureButton.current?.focus();
  };

  return (
    <section className="capture-bar" aria-label="Capture">
      {paused ? (
        <p className="paused-note">Paused: captures are off until you resume.</p>
      ) : (
        <button
          ref={captureButton}
          type="button"
          className="primary big"
          onClick={() => void askBackground('capture-touchpoint')}
          title={
            shortcut
              ? `Capture touchpoint (${shortcut})`
              : 'Capture touchpoint (no shortcut set: see chrome://extensions/shortcuts)'
          }
          aria-keyshortcuts={shortcut ? toAriaShortcut(shortcut) : undefined}
        >
          <Camera size={18} aria-hidden /> Capture touchpoint {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
        </button>
      )}
      <div className="row">
        <button
          type="button"
          onClick={() => void askBackground('pick-element')}
          disabled={paused}
          title={`Pick an element on the page to record (${pickShortcut ? `${pickShortcut}, or ` : ''}right-click › Record touchpoint here)`}
        >
          <MousePointerClick size={16} aria-hidden /> Pick element
        </button>
        <button
          type="button"
          onClick={() => void askBackground('capture-full-page')}
          disabled={paused}
          title="Scroll the whole page and capture it as one image"
        >
          <ScrollText size={16} aria-hidden /> Capture full page
        </button>
        <button type="button" onClick={onAddOffsite} disabled={paused}>
          <Mail size={16} aria-hidden /> Add off-site touchpoint
        </button>
      </div>
      <SettingSwitch
        label="Mask fields and personal data in screenshots"
        stored={journey.masking}
        save={(on) => setMasking(journey.id, on)}
        onError={onError}
      />
      <MaskPreview journeyId={journey.id} onError={onError} />
      <AllowListEditor studyId={journey.studyId} />
      <PrivacySettings studyId={journey.studyId} onError={onError} onToast={onToast} />
      <SettingSwitch
        label="Auto-record clicks and pages as drafts"
        stored={journey.autoRecord}
        save={(on) => setAutoRecord(journey.id, on)}
        onError={onError}
      />
      <SignalSettings />
      <p className="capture-status" role="status" aria-live="polite">
        {status?.progress
          ? `Capturing the full page… frame ${status.progress.done} of ${status.progress.total}`
          : status && status.pending > 0
            ? `Capturing… ${status.pending} in the queue`
            : ''}
      </p>
      {status?.lastMasked && !status.pending && (
        <p className="mask-summary" role="status">
          {status.lastMasked}
        </p>
      )}
      {status?.notice && (
        <div className="notice">
          <span>{status.notice}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => void updateCaptureStatus(({ notice: _, ...rest }) => rest)}
          >
            OK
          </button>
        </div>
      )}
      {status?.lastError && (
        <CaptureFailure
          failure={status.lastError}
          paused={paused}
          onTryAgain={({ type, ...retryOf }) => {
            closeFailure();
            void askBackground(type, retryOf);
          }}
          onDismiss={closeFailure}
        />
      )}
      <CaptureProblems onError={onError} onToast={onToast} />
    </section>
  );
}
