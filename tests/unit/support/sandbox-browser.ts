// A stand-in for the system browser in Node tests: it loads the sandbox's real
// sign-in page over HTTP, "clicks" the button of one demo user (a form POST),
// and follows the redirect to the app's loopback listener.

export interface FakeBrowser {
  open(url: string): Promise<void>;
  /** Which user the next sign-in picks (or 'cancel'). */
  choose(email: string | 'cancel'): void;
  readonly opened: string[];
}

/** Rewrites the redirect back to the app before it is followed (to forge a callback). */
export type RedirectTamper = (location: URL) => URL;

export function createSandboxBrowser(): FakeBrowser & {
  tamper(next: RedirectTamper | undefined): void;
  /** Rewrites the sign-in URL before it is loaded (an agent editing the address bar). */
  tamperRequest(next: RedirectTamper | undefined): void;
} {
  let choice: string | 'cancel' = '';
  let tamper: RedirectTamper | undefined;
  let tamperRequest: RedirectTamper | undefined;
  const opened: string[] = [];
  return {
    opened,
    choose(email) {
      choice = email;
    },
    tamper(next) {
      tamper = next;
    },
    tamperRequest(next) {
      tamperRequest = next;
    },
    async open(requested) {
      opened.push(requested);
      const url = tamperRequest ? tamperRequest(new URL(requested)).toString() : requested;
      const page = await fetch(url);
      const html = await page.text();
      const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
      if (!requestId) throw new Error(`No sign-in form at ${url}: ${html.slice(0, 200)}`);
      const form = new URLSearchParams({ request_id: requestId });
      if (choice === 'cancel') form.set('action', 'cancel');
      else form.set('login_email', choice);
      const submitted = await fetch(new URL('auth', url), { method: 'POST', body: form, redirect: 'manual' });
      const location = submitted.headers.get('location');
      if (!location) throw new Error(`The sign-in page did not redirect (${submitted.status}).`);
      await fetch(tamper ? tamper(new URL(location)).toString() : location);
    },
  };
}
