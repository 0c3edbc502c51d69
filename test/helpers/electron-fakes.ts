import type {
  HardenableSession,
  HardenableWebContents,
  HardenableWindow,
  NavigationEvent,
} from '../../electron/main/security';
import type { IpcHandler, IpcRegistrar } from '../../electron/main/ipc-handlers';

/**
 * Recording stand-ins for the parts of Electron that the hardening touches: each keeps what was
 * registered on it so a test can fire the events and call the handlers as Electron would.
 */

/** An Electron event: remembers whether the listener cancelled it. */
export class FakeEvent implements NavigationEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type Listener = (event: NavigationEvent) => void;
type PermissionRequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0];
type DevicePermissionHandler = Parameters<HardenableSession['setDevicePermissionHandler']>[0];
type WindowOpenHandler = Parameters<HardenableWebContents['setWindowOpenHandler']>[0];

export class FakeSession implements HardenableSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: DevicePermissionHandler | undefined;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents implements HardenableWebContents {
  readonly session = new FakeSession();
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: WindowOpenHandler | undefined;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `event` like Electron: every listener sees the same event object. */
  emit(event: string, details: FakeEvent): FakeEvent {
    for (const listener of this.listeners.get(event) ?? []) listener(details);
    return details;
  }
}

export class FakeBrowserWindow implements HardenableWindow {
  readonly webContents = new FakeWebContents();
}

/** ipcMain: keeps each channel's handler; invoking a channel nobody handles fails, as in Electron. */
export class FakeIpcMain implements IpcRegistrar {
  readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, listener: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  invoke(channel: string, event: Parameters<IpcHandler>[0], ...args: unknown[]): ReturnType<IpcHandler> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, ...args);
  }
}
