// Counts test results across every browser and writes them where `npm test` collects its closing line.
import { writeFileSync } from 'node:fs';

function tally(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite?.suites ?? []) tally(child, counts);
}

export function countingReporter({ file = process.env.INKWELL_TEST_COUNTS } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        tally(session.testResults, counts);
        // A file that failed to load, or an error outside any test, is a failure too.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
      else console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    },
  };
}
