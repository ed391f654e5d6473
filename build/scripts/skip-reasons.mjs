// Playwright reporter: prints why each skipped test was skipped, as it ends (the list reporter
// prints only a dash). `skipReason` is also what `npm test` uses for its closing list.

/** The reason a skipped test gave (its `skip` annotation), from the test or its result. */
export function skipReason(annotations) {
  return annotations?.find((annotation) => annotation.type === 'skip')?.description || '(no reason given)';
}

/**
 * One skipped test on one line. The reason follows " — reason: ", never a bare colon: many test
 * titles have colons of their own ("offline: priority, comment…"), which made the reason ambiguous.
 */
export function skipLine(where, reason) {
  return `skipped ${where} — reason: ${reason}`;
}

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a reporter from its default export
export default class SkipReasons {
  onTestEnd(test, result) {
    if (result.status !== 'skipped') return;
    const reason = skipReason([...(result.annotations ?? []), ...(test.annotations ?? [])]);
    const project = test.parent?.project()?.name ?? '';
    console.log(`  ${skipLine(`[${project}] ${test.titlePath().filter(Boolean).slice(1).join(' › ')}`, reason)}`);
  }

  printsToStdio() {
    return true;
  }
}
