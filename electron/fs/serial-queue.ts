/**
 * Runs async operations one at a time, in call order. A failed operation rejects its own
 * caller only; the queue carries on. `guard` runs right before each operation (closed checks).
 */
export function createSerialQueue(guard: () => void = () => {}): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(operation: () => Promise<T>): Promise<T> => {
    const result = tail.then(() => {
      guard();
      return operation();
    });
    tail = result.catch(() => {});
    return result;
  };
}
