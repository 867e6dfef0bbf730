import { warningsWritten } from '../../src/core/warn.js';

/**
 * Captures calls of console[level] made while `run` runs (and until its promise settles, and the warnings it
 * asked for are written: their words load with the first, see src/core/warn.ts), into `lines` as they come.
 */
async function captureConsole(level: 'warn' | 'error', run: () => unknown, lines: string[]): Promise<string[]> {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  };
  try {
    await run();
    await warningsWritten();
  } finally {
    console[level] = original;
  }
  return lines;
}

/** Captures console.warn calls made while `run` runs (and until its promise settles). */
export const captureWarnings = (run: () => unknown): Promise<string[]> => captureConsole('warn', run, []);

/** Captures console.error calls made while `run` runs (and until its promise settles), into `errors` as they come. */
export const captureErrors = (run: () => unknown, errors: string[] = []): Promise<string[]> => captureConsole('error', run, errors);
