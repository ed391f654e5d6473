import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';

export type Incidents = { status: 'loading' } | { status: 'failed' } | { status: 'ok'; incidents: ResponseOf<'backend.incidents'> };

/** Current service incidents from the backend's status feed; "failed" offline. */
export function useIncidents(accountId: string): Incidents {
  const [state, setState] = useState<Incidents>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getBridgeClient()
      .invoke('backend.incidents', { accountId })
      .then((incidents) => live && setState({ status: 'ok', incidents }))
      .catch(() => live && setState({ status: 'failed' }));
    return () => {
      live = false;
    };
  }, [accountId]);
  return state;
}
