import { useDeferredValue, useMemo } from 'react';
import { scanPii, type PiiFinding } from '../../../shared/domain';

/** Beyond this the text is refused as too long anyway; scanning it would only cost keystrokes. */
const MAX_SCANNED_CHARS = 60_000;

/** Findings in a text being typed; deferred so a long paste never blocks input. */
export function usePiiCheck(text: string, allowEmails: readonly (string | undefined)[]): PiiFinding[] {
  const deferred = useDeferredValue(text);
  const allowKey = allowEmails.filter(Boolean).join('\n');
  const findings = useMemo(
    () => (deferred.length > MAX_SCANNED_CHARS ? [] : scanPii(deferred, { allowEmails: allowKey ? allowKey.split('\n') : [] })),
    [deferred, allowKey],
  );
  // Drop findings the agent already edited away before the deferred scan caught up.
  return useMemo(() => findings.filter((f) => text.slice(f.start, f.end) === f.match), [findings, text]);
}
