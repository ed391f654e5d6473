// The whole preload: one frozen bridge object over ipcRenderer, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, createBridge } from '../../../shared/ipc/bridge';

contextBridge.exposeInMainWorld(
  bridgeGlobalName,
  createBridge({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    subscribe: (event, listener) => {
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  }),
);
