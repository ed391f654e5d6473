import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendKind, PolicyView } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';
import { usePolicy } from '../settings';

export interface SignInRequest {
  readonly domain?: string;
  readonly loginHint?: string;
}

const domainPattern = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
export const isDomainName = (value: string): boolean => domainPattern.test(value.trim().toLowerCase());

/** The organisation's refusal, in the agent's language, with IT's own words after it when the policy has them. */
export function policyRefusal(t: (key: string, options?: Record<string, unknown>) => string, policy: PolicyView): string {
  const base = t('errors.policyDomain', {
    name: policy.organisation?.name ?? t('settings:locked'),
    domains: (policy.allowedDomains ?? []).join(', '),
  });
  return policy.signInRefusedMessage ? `${base} ${policy.signInRefusedMessage}` : base;
}

/** Sign-in through main (the browser opens; main waits for the loopback redirect); refusals explained in the agent's language. */
export function useSignIn(): {
  busy: boolean;
  error: string | undefined;
  signIn: (backend: BackendKind, request?: SignInRequest) => void;
  cancel: () => void;
} {
  const { t } = useTranslation('accounts');
  const policy = usePolicy();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const explain = (code: string | undefined, message: string, domain: string | undefined): string => {
    if (code === 'forbidden') {
      if (policy && !policy.backends.includes('sandbox') && !policy.backends.includes('google')) return t('errors.notAllowed');
      const allowed = policy?.allowedDomains;
      if (allowed && (domain === undefined || !allowed.includes(domain))) return policyRefusal(t, policy);
      if (domain) return t('errors.wrongDomain', { domain });
    }
    return t('errors.signInFailed', { message });
  };
  return {
    busy,
    error,
    signIn(backend, request = {}) {
      const domain = request.domain?.trim().toLowerCase() || undefined;
      setError(undefined);
      if (policy && !policy.backends.includes(backend)) return setError(t('errors.notAllowed'));
      if (policy?.allowedDomains && domain && !policy.allowedDomains.includes(domain)) return setError(policyRefusal(t, policy));
      setBusy(true);
      getBridgeClient()
        .invoke('accounts.signIn', {
          backend,
          ...(domain ? { domain } : {}),
          ...(request.loginHint ? { loginHint: request.loginHint } : {}),
        })
        .catch((reason: unknown) => {
          const code = (reason as { code?: string }).code;
          if (code !== 'cancelled') setError(explain(code, reason instanceof Error ? reason.message : String(reason), domain));
        })
        .finally(() => setBusy(false));
    },
    cancel() {
      void getBridgeClient().invoke('accounts.cancelSignIn', {});
    },
  };
}
