import { AppError, type BackendKind, type LockableSetting, type PolicyView, type Settings } from '../../../shared/ipc';
import type { LoadedPolicy } from './policy-file';

export interface PolicyService {
  readonly loaded: LoadedPolicy;
  /** Settings the policy decides; they beat the agent's own values. */
  settingsOverrides(): Partial<Settings>;
  view(): PolicyView;
  /** Before the browser opens: is this backend and domain allowed here? */
  checkSignIn(backend: BackendKind, domain: string | undefined): void;
  /** After the ID token: is the account's hosted domain allowed here? */
  checkSignedInDomain(hostedDomain: string | undefined): void;
}

export function createPolicyService(loaded: LoadedPolicy): PolicyService {
  const { policy } = loaded;
  const overrides: Partial<Settings> = {
    ...(policy.oauthClient
      ? { googleClientId: policy.oauthClient.clientId, googleClientSecret: policy.oauthClient.clientSecret ?? '' }
      : {}),
    ...(policy.attachmentCacheCapMb === undefined ? {} : { attachmentCacheCapMb: policy.attachmentCacheCapMb }),
    ...(policy.update?.channel ? { updateChannel: policy.update.channel } : {}),
  };
  const backends: BackendKind[] = policy.backend ? [policy.backend] : policy.sandboxOffered === false ? ['google'] : ['sandbox', 'google'];
  const allowed = policy.allowedDomains ? new Set(policy.allowedDomains) : undefined;
  const organisation = policy.organisation?.name ?? 'your organisation';
  const refusal = (): AppError =>
    new AppError(
      'forbidden',
      policy.signInRefusedMessage ?? `${organisation} allows signing in only to: ${[...(allowed ?? [])].join(', ')}.`,
      false,
    );

  return {
    loaded,
    settingsOverrides: () => overrides,
    view: () => ({
      state: loaded.state,
      file: loaded.file,
      problems: [...loaded.problems],
      ...(policy.organisation ? { organisation: policy.organisation } : {}),
      locked: Object.keys(overrides) as LockableSetting[],
      backends,
      ...(policy.allowedDomains ? { allowedDomains: [...policy.allowedDomains] } : {}),
      ...(policy.signInRefusedMessage ? { signInRefusedMessage: policy.signInRefusedMessage } : {}),
    }),
    checkSignIn(backend, domain) {
      if (!backends.includes(backend))
        throw new AppError('forbidden', `${organisation} does not allow signing in with the ${backend} backend on this computer.`, false);
      if (allowed && domain !== undefined && !allowed.has(domain.toLowerCase())) throw refusal();
    },
    checkSignedInDomain(hostedDomain) {
      if (allowed && (hostedDomain === undefined || !allowed.has(hostedDomain.toLowerCase()))) throw refusal();
    },
  };
}
