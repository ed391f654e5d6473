// The sandbox on a thread of its own, for the full-sync figure: Google is another machine,
// so the server's work must not share the client's event loop. In one thread the sandbox's
// HTTP, search and JSON work took about half of the figure (a CPU profile of a 20k-case run).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/sandbox';

interface Started {
  readonly baseUrl: string;
  readonly issuer: string;
  readonly desktopClientId: string;
}

/**
 * Starts the sandbox in a worker thread. The handle carries what the core fixture needs (URLs,
 * client id); its admin is empty: the bench never seeds agency data from the sandbox's world.
 */
export async function startSandboxThread(options: SandboxOptions): Promise<SandboxHandle> {
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  const started = await new Promise<Started>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const handle = {
    ...started,
    adminUrl: undefined,
    adminToken: '',
    demoAccounts: [],
    extensions: [],
    admin: { customers: () => [] },
    close: async () => {
      await worker.terminate();
    },
  };
  return handle as unknown as SandboxHandle;
}

if (!isMainThread && parentPort) {
  const handle = await startSandbox(workerData as SandboxOptions);
  const started: Started = { baseUrl: handle.baseUrl, issuer: handle.issuer, desktopClientId: handle.desktopClientId };
  parentPort.postMessage(started);
}
