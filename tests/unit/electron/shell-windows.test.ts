// The shell's window code against a recording stand-in for Electron (no binary here):
// the options each window is created with equal the table in policies.ts, and harden()
// applies the table's rules to the contents and the session.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeEvent {
  prevented: boolean;
  preventDefault(): void;
}
const event = (): FakeEvent => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

class FakeSession extends EventEmitter {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  checkHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  deviceHandler: (() => boolean) | undefined;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']): void {
    this.deviceHandler = handler;
  }
  /** Asks the session as Chromium would. */
  grants(permission: string): boolean {
    let granted: boolean | undefined;
    this.requestHandler?.(undefined, permission, (answer) => (granted = answer));
    return granted === true && this.checkHandler?.(undefined, permission) === true;
  }
}

const electron = vi.hoisted(() => ({
  windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; loaded: string[]; webContents: unknown }>,
  sessions: new Map<string, unknown>(),
  opened: [] as string[],
}));

vi.mock('electron-store', () => ({
  default: class {
    get(): undefined {
      return undefined;
    }
    set(): void {}
  },
}));

vi.mock('electron', () => {
  class FakeContents extends EventEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | undefined;
    constructor(readonly session: FakeSession) {
      super();
    }
    setWindowOpenHandler(handler: FakeContents['openHandler']): void {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends EventEmitter {
    readonly webContents: FakeContents;
    readonly loaded: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      const partition = typeof options.webPreferences.partition === 'string' ? options.webPreferences.partition : 'default';
      if (!electron.sessions.has(partition)) electron.sessions.set(partition, new FakeSession());
      this.webContents = new FakeContents(electron.sessions.get(partition) as FakeSession);
      electron.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    focus(): void {}
    maximize(): void {}
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [] },
    shell: {
      openExternal: async (url: string) => {
        electron.opened.push(url);
      },
    },
  };
});

const { createMainWindow } = await import('../../../electron/shell/window');
const { openPortalWindow } = await import('../../../electron/shell/portal-window');
const { openExternal } = await import('../../../electron/shell/harden');
const { windowPolicies } = await import('../../../electron/shell/policies');

type Window = (typeof electron.windows)[number] & {
  webContents: EventEmitter & { openHandler: (details: { url: string }) => { action: string }; session: FakeSession };
};
const lastWindow = (): Window => electron.windows.at(-1) as Window;

function navigate(window: Window, kind: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = event();
  window.webContents.emit(kind, e, url);
  return !e.prevented;
}

beforeEach(() => {
  electron.opened.length = 0;
});

describe('window options come from the table', () => {
  it('the app window: the table plus the preload', () => {
    createMainWindow('/opt/app/out/preload');
    expect(lastWindow().options.webPreferences).toEqual({
      ...windowPolicies.app.webPreferences,
      preload: '/opt/app/out/preload/index.cjs',
    });
  });

  it('a portal window: the table plus its account partition, and no preload', () => {
    openPortalWindow('acc_one', 'https://support.google.com/a/');
    const window = lastWindow();
    expect(window.options.webPreferences).toEqual({ ...windowPolicies.portal.webPreferences, partition: 'persist:portal-acc_one' });
    expect(window.loaded).toEqual(['https://support.google.com/a/']);
  });

  it('one portal window per account, each with its own session', () => {
    const before = electron.windows.length;
    openPortalWindow('acc_two', 'https://support.google.com/a/');
    openPortalWindow('acc_two', 'https://support.google.com/a/?q=1');
    expect(electron.windows.length).toBe(before + 1);
    expect(lastWindow().loaded).toEqual(['https://support.google.com/a/', 'https://support.google.com/a/?q=1']);
    expect(electron.sessions.get('persist:portal-acc_two')).not.toBe(electron.sessions.get('persist:portal-acc_one'));
  });

  it('a portal window never opens on a page outside Google support and sign-in', () => {
    const before = electron.windows.length;
    expect(() => openPortalWindow('acc_three', 'https://example.com/')).toThrow();
    expect(electron.windows.length).toBe(before);
  });
});

describe('harden applies the table', () => {
  it('portal windows navigate within Google support and sign-in; the app window does not', () => {
    openPortalWindow('acc_nav', 'https://support.google.com/a/');
    const portal = lastWindow();
    expect(navigate(portal, 'will-navigate', 'https://accounts.google.com/ServiceLogin')).toBe(true);
    expect(navigate(portal, 'will-redirect', 'https://support.google.com/a/cases')).toBe(true);
    expect(navigate(portal, 'will-navigate', 'https://example.com/')).toBe(false);
    expect(navigate(portal, 'will-redirect', 'https://example.com/')).toBe(false);

    createMainWindow('/opt/app/out/preload');
    const main = lastWindow();
    expect(navigate(main, 'will-navigate', 'app://console/index.html')).toBe(true);
    expect(navigate(main, 'will-navigate', 'https://accounts.google.com/ServiceLogin')).toBe(false);
    expect(navigate(main, 'will-redirect', 'https://support.google.com/a/')).toBe(false);
  });

  it('window.open is denied; allowlisted https links go to the OS browser', async () => {
    createMainWindow('/opt/app/out/preload');
    const { openHandler } = lastWindow().webContents;
    expect(openHandler({ url: 'https://support.google.com/a/answer/1047213' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.opened).toEqual(['https://support.google.com/a/answer/1047213']);
  });

  it('permissions and downloads follow each kind', () => {
    createMainWindow('/opt/app/out/preload');
    const appSession = lastWindow().webContents.session;
    openPortalWindow('acc_perm', 'https://support.google.com/a/');
    const portalSession = lastWindow().webContents.session;

    expect(appSession.grants('notifications')).toBe(true);
    expect(appSession.grants('media')).toBe(false);
    expect(portalSession.grants('notifications')).toBe(false);
    expect(portalSession.grants('geolocation')).toBe(false);
    expect(appSession.deviceHandler?.()).toBe(false);

    const appDownload = event();
    appSession.emit('will-download', appDownload);
    expect(appDownload.prevented).toBe(true);
    const portalDownload = event();
    portalSession.emit('will-download', portalDownload);
    expect(portalDownload.prevented).toBe(false);
    // Reopening windows on a session does not stack handlers.
    expect(appSession.listenerCount('will-download')).toBe(1);
  });

  it('openExternal refuses what is not https before the OS sees it', async () => {
    await expect(openExternal('file:///C:/Windows/system32/calc.exe')).rejects.toThrow();
    await expect(openExternal('http://example.com/')).rejects.toThrow();
    await openExternal('https://accounts.google.com/o/oauth2/v2/auth');
    expect(electron.opened).toEqual(['https://accounts.google.com/o/oauth2/v2/auth']);
  });
});
