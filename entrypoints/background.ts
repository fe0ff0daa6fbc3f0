import { browser } from 'wxt/browser';
import { handleCommand, handlePanelMessage } from '@/lib/capture/handlers';
import { syncPageAgentRegistration } from '@/lib/capture/page-agent';
import { captureQueue } from '@/lib/capture/service';

export default defineBackground(() => {
  // Chrome's side panel; Firefox (issue 8) has a sidebar instead and no such API.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  browser.runtime.onMessage.addListener((message, sender) => handlePanelMessage(message, sender));
  browser.permissions.onAdded.addListener(() => void syncPageAgentRegistration());
  browser.permissions.onRemoved.addListener(() => void syncPageAgentRegistration());
  void syncPageAgentRegistration();
  // Captures queued before the worker was stopped are finished now.
  void captureQueue.start();
});
