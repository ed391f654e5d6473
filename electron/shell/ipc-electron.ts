import { ipcMain, webContents } from 'electron';
import { invokeChannels } from '../../shared/ipc';
import type { Core } from '../core';
import { isTrustedSender } from './policies';

/** The only user of ipcMain and webContents.send: contract channels in, core events out to trusted pages. */
export function wireIpc(core: Core): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, raw: unknown) =>
      core.dispatch(channel, raw, {
        url: event.senderFrame?.url,
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
      }),
    );
  }
  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (contents.isDestroyed()) continue;
      if (!isTrustedSender({ url: contents.getURL(), isMainFrame: true })) continue;
      contents.send(event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const channel of invokeChannels) ipcMain.removeHandler(channel);
  };
}
