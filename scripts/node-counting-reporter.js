// A node:test reporter that writes pass/fail/skip counts to $INKWELL_TEST_COUNTS for `npm test`'s closing line.
import { writeFileSync } from 'node:fs';

export default async function* countingReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip !== undefined || event.data.todo !== undefined) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  if (process.env.INKWELL_TEST_COUNTS) writeFileSync(process.env.INKWELL_TEST_COUNTS, JSON.stringify(counts));
  yield '';
}
