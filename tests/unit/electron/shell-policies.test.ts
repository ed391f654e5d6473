import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appOrigin,
  cspHeader,
  isAllowedExternal,
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedPortalNavigation,
  isTrustedSender,
  resolveAppPath,
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

describe('navigation and external links', () => {
  it('keeps the main window on the app origin', () => {
    expect(isAllowedNavigation(`${appOrigin}/index.html#/cases`)).toBe(true);
    expect(isAllowedNavigation('https://support.google.com/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
  it('opens only allowlisted https links in the OS browser', () => {
    expect(isAllowedExternal('https://support.google.com/a/answer/1047213')).toBe(true);
    expect(isAllowedExternal('http://support.google.com/')).toBe(false);
    expect(isAllowedExternal('https://support.google.com.evil.example/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@support.google.com/')).toBe(false);
    expect(isAllowedExternal('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternal('smb://server/share')).toBe(false);
  });
  it('limits portal windows to Google support and sign-in hosts', () => {
    expect(isAllowedPortalNavigation('https://accounts.google.com/ServiceLogin')).toBe(true);
    expect(isAllowedPortalNavigation('https://support.google.com/a/')).toBe(true);
    expect(isAllowedPortalNavigation('https://example.com/')).toBe(false);
  });
});

describe('permissions', () => {
  it('grants notifications only', () => {
    expect(isAllowedPermission('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb']) {
      expect(isAllowedPermission(permission)).toBe(false);
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
