// The constants apart (kinds.ts), so that the compact counter that <reading-time> loads up front
// (latin-count.ts) uses them without this table.
import { SEPARATOR } from './kinds.js';

export * from './kinds.js';

/**
 * The class of every BMP code unit as runs: each run is the distance from the previous run's first
 * code unit (base 36) and its class as a letter (A = 0, B = 1 …). Written this way it costs a
 * seventh of the bytes of the code that fills the table range by range. The readable table, with
 * the reason for each range, is test/reading-time/classes.test.ts, which checks this string
 * against it and prints the string anew when a range changes.
 */
const RUNS =
  '0AxCcI2C1BaC7BqC6BqC4AyC9B1C2J1C4B2C1B1C3B2C1B3C1BnC1BvC1BegJ34BgeC1B25C1BeC1B3C1B50C1Bi7C2BwqK1bC1KmC1K8C1KaC2K2bC1KmC1K1lB74K22C2K2cB15sA1B73K2cC7K11BdcKwB4wJ28BjkJ1sBe8AcJ2C2I3A3CgA1C1A2C5A1C1bA1J5CbB1cC1cJjN1JsC28B1sCayL2CcL1C4mL1CpLbC4L3C2tB4gC74L9nC6L7CeL22CacL2CcvL3CjL2C1fL1C4L1C4qBe8C1mA2C1wE9sBgCgA5E3ApE9J6L1E5A2E5L1A2B1E2gJ4E3C1E2iA1E1gB2oE5kgC1sEh5cB100KwB2oKwB8zkMsgC5q8Ee8BlcJgAgJgAwCwB3zJ1B1AfBaA7BqA6BqAbE1kJ2B1sC';

let classes: Uint8Array | undefined;

/** A table of the class of each UTF-16 code unit, built on first use. */
export function codeUnitClasses(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000);
  let start = 0;
  let kind = SEPARATOR;
  for (const [, distance, next] of RUNS.matchAll(/([\da-z]+)([A-Z])/g)) {
    const end = start + parseInt(distance!, 36);
    table.fill(kind, start, end);
    start = end;
    kind = next!.charCodeAt(0) - 65;
  }
  table.fill(kind, start);
  return (classes = table);
}
