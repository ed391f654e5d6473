import { z } from 'zod';

// The contract between the e2e launcher (tests/e2e/electron-launch.ts) and main: a few
// environment variables, honoured only by an unpackaged build, so an installed app
// cannot be pointed at another backend or profile from the outside.

export const e2eEnv = {
  /** '1' turns e2e mode on. */
  flag: 'RSC_E2E',
  /** The test's sandbox, as JSON {baseUrl, issuer, clientId}; the app then starts no sandbox of its own. */
  sandbox: 'RSC_E2E_SANDBOX',
  /** The profile folder (userData; logs below it), so restarts keep it and tests can read the log. */
  userData: 'RSC_E2E_USER_DATA',
} as const;

const sandboxSchema = z.object({ baseUrl: z.url(), issuer: z.url(), clientId: z.string().min(1) }).strict();

export interface E2eMode {
  readonly sandbox: { readonly mode: 'external'; readonly baseUrl: string; readonly issuer: string; readonly clientId: string } | undefined;
  readonly userData: string | undefined;
}

/** E2e mode from the environment, or undefined (always undefined in a packaged app). Bad values throw. */
export function e2eModeFrom(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): E2eMode | undefined {
  if (isPackaged || env[e2eEnv.flag] !== '1') return undefined;
  const sandbox = env[e2eEnv.sandbox];
  return {
    sandbox: sandbox ? { mode: 'external', ...sandboxSchema.parse(JSON.parse(sandbox)) } : undefined,
    userData: env[e2eEnv.userData] || undefined,
  };
}
