/** Reading the records of an Inkwell export: field checks, and times as the file writes them. */

export type Json = Record<string, unknown>;

/** A time as the export writes it: ISO 8601 in UTC with milliseconds (null stays null). */
export const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A field check: the record's value if it has the type, else a message naming the field. */
export class Fields {
  problem: string | undefined;
  constructor(private readonly r: Json) {}
  str(name: string): string {
    const v = this.r[name];
    if (typeof v !== 'string') this.problem ??= `${name} is not a string`;
    return v as string;
  }
  optStr(name: string): string | null {
    const v = this.r[name];
    if (v === null || v === undefined) return null;
    return this.str(name);
  }
  time(name: string): number {
    const ms = Date.parse(this.str(name));
    if (Number.isNaN(ms)) this.problem ??= `${name} is not a date`;
    return ms;
  }
  optTime(name: string): number | null {
    return this.r[name] === null || this.r[name] === undefined ? null : this.time(name);
  }
  bool(name: string): boolean {
    const v = this.r[name];
    if (typeof v !== 'boolean') this.problem ??= `${name} is not true or false`;
    return v === true;
  }
}
