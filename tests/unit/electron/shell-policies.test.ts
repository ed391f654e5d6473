import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appOrigin,
  cspHeader,
  isAllowedOpenExternal,
  isTrustedSender,
  portalPartition,
  resolveAppPath,
  windowPolicies,
} from '../../../electron/shell/policies';

describe('content security policy', () => {
  const csp = cspHeader();
  it("allows only the app's own scripts and connections", () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'none'");
  });
  it('never allows inline or evaluated scripts or remote origins', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
  it("the page's meta CSP matches the served one", () => {
    const html = readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const directive of ['script-src', 'style-src', 'connect-src', 'object-src']) {
      const served = csp.split('; ').find((part) => part.startsWith(directive));
      expect(
        meta.split('; ').find((part) => part.startsWith(directive)),
        directive,
      ).toBe(served);
    }
  });
});

describe('trusted sender', () => {
  it("accepts only the app origin's main frame", () => {
    expect(isTrustedSender({ url: `${appOrigin}/index.html`, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${appOrigin}/index.html`, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'app://console.evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'https://console/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4000/x', isMainFrame: true }, 'http://127.0.0.1:4000')).toBe(true);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4001/x', isMainFrame: true }, 'http://127.0.0.1:4000')).toBe(false);
  });
});

describe('the window table', () => {
  const { app, portal } = windowPolicies;
  const googlePages = [
    'https://support.google.com/a/',
    'https://support.google.com/a/cases/43595344',
    'https://accounts.google.com/ServiceLogin?continue=https://support.google.com/a/',
    'https://admin.google.com/ac/home',
  ];
  const foreign = [
    'https://example.com/',
    'http://support.google.com/a/',
    'https://support.google.com.evil.example/',
    'https://user:pw@support.google.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ];

  it('portal windows may navigate and be redirected within Google support and sign-in hosts only', () => {
    for (const url of googlePages) {
      expect(portal.mayNavigate(url), url).toBe(true);
      expect(portal.mayRedirect(url), url).toBe(true);
    }
    for (const url of [...foreign, `${appOrigin}/index.html`]) {
      expect(portal.mayNavigate(url), url).toBe(false);
      expect(portal.mayRedirect(url), url).toBe(false);
    }
  });

  it('the app window may not: it stays on app://console', () => {
    expect(app.mayNavigate(`${appOrigin}/index.html#/cases`)).toBe(true);
    expect(app.mayRedirect(`${appOrigin}/index.html`)).toBe(true);
    for (const url of [...googlePages, ...foreign, 'app://console.evil/index.html', 'app://other/index.html']) {
      expect(app.mayNavigate(url), url).toBe(false);
      expect(app.mayRedirect(url), url).toBe(false);
    }
  });

  it('window.open never opens a window; only allowlisted https links reach the OS browser', () => {
    for (const policy of [app, portal]) {
      expect(policy.openInBrowser('https://support.google.com/a/answer/1047213')).toBe(true);
      for (const url of ['http://support.google.com/', 'https://support.google.com.evil.example/', 'https://user:pw@support.google.com/']) {
        expect(policy.openInBrowser(url), url).toBe(false);
      }
      expect(policy.openInBrowser('file:///C:/Windows/system32/calc.exe')).toBe(false);
      expect(policy.openInBrowser('smb://server/share')).toBe(false);
    }
  });

  it('the app may notify and write the clipboard; the portal may only write the clipboard', () => {
    expect(app.mayUsePermission('notifications')).toBe(true);
    expect(app.mayUsePermission('clipboard-sanitized-write')).toBe(true);
    expect(portal.mayUsePermission('clipboard-sanitized-write')).toBe(true);
    expect(portal.mayUsePermission('notifications')).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'pointerLock',
    ]) {
      expect(app.mayUsePermission(permission), permission).toBe(false);
      expect(portal.mayUsePermission(permission), permission).toBe(false);
    }
  });

  it('the app saves files through main only; portal downloads ask the agent where', () => {
    expect(app.download).toBe('deny');
    expect(portal.download).toBe('ask');
  });

  it('every window is isolated, sandboxed and without Node, webviews or insecure content', () => {
    const mustBeOn = ['contextIsolation', 'sandbox', 'webSecurity', 'safeDialogs'] as const;
    const mustBeOff = [
      ...['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag'],
      ...['allowRunningInsecureContent', 'experimentalFeatures', 'navigateOnDragDrop'],
    ] as const;
    for (const [kind, { webPreferences }] of Object.entries(windowPolicies)) {
      for (const key of mustBeOn) expect(webPreferences[key], `${kind}.${key}`).toBe(true);
      for (const key of mustBeOff) expect(webPreferences[key], `${kind}.${key}`).toBe(false);
      // Middle-click would open windows past the window-open rule.
      expect(webPreferences.disableBlinkFeatures, kind).toBe('Auxclick');
      // Per-window parts are not in the table: no kind gets a preload or a shared partition from it.
      expect(webPreferences, kind).not.toHaveProperty('preload');
      expect(webPreferences, kind).not.toHaveProperty('partition');
    }
  });

  it('each account has its own persistent portal partition', () => {
    expect(portalPartition('acc_0123456789abcdef')).toBe('persist:portal-acc_0123456789abcdef');
    expect(portalPartition('acc_a')).not.toBe(portalPartition('acc_b'));
    for (const bad of ['', 'a/b', 'a:b', 'x'.repeat(129)]) expect(() => portalPartition(bad), bad).toThrow();
  });
});

describe('openExternal', () => {
  it('accepts https and the sandbox sign-in page on loopback only', () => {
    expect(isAllowedOpenExternal('https://accounts.google.com/o/oauth2/v2/auth?client_id=x')).toBe(true);
    expect(isAllowedOpenExternal('https://support.google.com/a/answer/1047213')).toBe(true);
    expect(isAllowedOpenExternal('http://127.0.0.1:8787/oauth2/auth?client_id=x&state=y')).toBe(true);
    expect(isAllowedOpenExternal('http://[::1]:8787/oauth2/auth')).toBe(true);
    expect(isAllowedOpenExternal('http://localhost:8787/oauth2/auth')).toBe(true);
  });
  it('refuses every other scheme, host or path', () => {
    for (const url of [
      'http://example.com/oauth2/auth',
      'http://127.0.0.1:8787/admin',
      'http://127.0.0.1:8787/oauth2/token',
      'http://10.0.0.1/oauth2/auth',
      'https://user:pw@accounts.google.com/',
      'http://u:p@127.0.0.1/oauth2/auth',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'ms-settings:privacy',
      'javascript:alert(1)',
      'vscode://file/etc/passwd',
      'not a url',
    ]) {
      expect(isAllowedOpenExternal(url), url).toBe(false);
    }
  });
});

describe('app:// path resolution', () => {
  const root = path.resolve('/opt/app/out/renderer');
  it('maps app URLs below the root', () => {
    expect(resolveAppPath(root, 'app://console/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://console/assets/index.js')).toBe(path.join(root, 'assets/index.js'));
    expect(resolveAppPath(root, 'app://console/assets/a%20b.js?v=1#x')).toBe(path.join(root, 'assets/a b.js'));
  });
  it('rejects traversal, encoded tricks and foreign hosts', () => {
    // A literal `..` is already clamped to the root by URL parsing: it never leaves the root.
    expect(resolveAppPath(root, 'app://console/../../secrets.json')).toBe(path.join(root, 'secrets.json'));
    expect(resolveAppPath(root, 'app://console/assets/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    // Encoded slashes survive URL parsing and would form `..` after decoding: refused.
    for (const url of [
      'app://console/..%2fsecrets.json',
      'app://console/..%5csecrets.json',
      'app://console/a%00.js',
      'app://console/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'garbage',
    ]) {
      expect(resolveAppPath(root, url), url).toBeUndefined();
    }
  });
});
