// pino-roll ships no types; this is the part of its API the logger uses.
declare module 'pino-roll' {
  interface PinoRollOptions {
    file: string;
    extension?: string;
    size?: string | number;
    frequency?: string | number;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    symlink?: boolean;
  }
  function pinoRoll(options: PinoRollOptions): Promise<unknown>;
  // eslint-disable-next-line no-restricted-syntax -- the module has a default export
  export default pinoRoll;
}
