export { createBridgeClient, getBridgeClient, type BridgeClient } from './bridge-client';
export { installErrorLogging, logToMain } from './log';
