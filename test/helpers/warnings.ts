/** Captures console.warn calls made while `run` runs (and until its promise settles). */
export async function captureWarnings(run: () => unknown | Promise<unknown>): Promise<string[]> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** Captures console.error calls made while `run` runs (and until its promise settles), into `errors` as they come. */
export async function captureErrors(run: () => unknown | Promise<unknown>, errors: string[] = []): Promise<string[]> {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  };
  try {
    await run();
  } finally {
    console.error = original;
  }
  return errors;
}
