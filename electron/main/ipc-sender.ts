import { isAppPage } from './trusted-url';

/** The frame an IPC call came from, as Electron's WebFrameMain describes it. */
export interface IpcSenderFrame {
  readonly url: string;
  /** null for a main frame. */
  readonly parent: object | null;
}

export interface IpcSenderEvent {
  /** null once the frame has navigated away or been destroyed. */
  readonly senderFrame: IpcSenderFrame | null;
}

/**
 * Only the app page's main frame may call in. The preload runs only there, but a call is
 * judged by where it came from, not by where the bridge is meant to be.
 */
export function isTrustedSender(event: IpcSenderEvent, appIndexUrl: string): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppPage(frame.url, appIndexUrl);
  } catch {
    // Electron's getters throw for a destroyed frame: a sender we cannot see is not trusted.
    return false;
  }
}
