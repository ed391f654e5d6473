export { createBridgeClient, getBridgeClient, type BridgeClient } from './bridge-client';
