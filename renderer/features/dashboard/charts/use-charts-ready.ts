import { useEffect, useState } from 'react';
import { chartsSettled } from './render-queue';

/** True once every chart queued for these specs has been drawn and painted. */
export function useChartsReady(specs: unknown): boolean {
  const [readyFor, setReadyFor] = useState<unknown>();
  useEffect(() => {
    let cancelled = false;
    void chartsSettled().then(() => !cancelled && setReadyFor(specs));
    return () => {
      cancelled = true;
    };
  }, [specs]);
  return readyFor === specs;
}
