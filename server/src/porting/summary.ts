/** What an import did (or, in a dry run, would do): counts per thread, and every entry passed over with why. */

const SHOWN_PER_REASON = 20;

interface ThreadCounts {
  added: number;
  present: number;
  byStatus: Record<string, number>;
}

export class Summary {
  readonly threads = new Map<string, ThreadCounts>();
  /** Entries passed over, grouped by reason: the first few places, and how many. */
  readonly skips = new Map<string, { count: number; where: string[] }>();
  readonly notes = new Map<string, { count: number; where: string[] }>();
  typoReports = { added: 0, present: 0 };
  reactions = { added: 0, present: 0 };
  /** Banned readers, pinned comments and thread authors (import --from inkwell). */
  bans = { added: 0, present: 0 };
  pins = { added: 0, present: 0 };
  threadAuthors = { added: 0, present: 0 };
  /** Reply subscriptions and known addresses (import --from inkwell). */
  notifySubscriptions = { added: 0, present: 0 };
  mailAddresses = { added: 0, present: 0 };
  /** The export's author key was taken (import --from inkwell). */
  authorKey = false;
  /** The export's address key was taken (import --from inkwell). */
  addressKey = false;
  /** The export's mail link key was taken (import --from inkwell). */
  mailLinkKey = false;

  counted(thread: string, status: string, added: boolean): void {
    let t = this.threads.get(thread);
    if (!t) this.threads.set(thread, (t = { added: 0, present: 0, byStatus: {} }));
    if (added) {
      t.added++;
      t.byStatus[status] = (t.byStatus[status] ?? 0) + 1;
    } else t.present++;
  }

  skipped(where: string, reason: string): void {
    group(this.skips, where, reason);
  }

  /** Imported, but not quite as the source had it. */
  noted(where: string, note: string): void {
    group(this.notes, where, note);
  }

  get added(): number {
    let n = 0;
    for (const t of this.threads.values()) n += t.added;
    return n;
  }

  get present(): number {
    let n = 0;
    for (const t of this.threads.values()) n += t.present;
    return n;
  }

  get skippedCount(): number {
    let n = 0;
    for (const s of this.skips.values()) n += s.count;
    return n;
  }

  /** The report printed at the end, one thread per line. */
  format(dryRun: boolean): string {
    const would = dryRun ? 'would add' : 'added';
    const lines: string[] = [];
    const threads = [...this.threads.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [thread, t] of threads) {
      const statuses = Object.entries(t.byStatus).map(([s, n]) => `${n} ${s}`).join(', ');
      lines.push(`  ${thread}: ${would} ${t.added}${statuses ? ` (${statuses})` : ''}${t.present ? `, ${t.present} already there` : ''}`);
    }
    const out = [`${dryRun ? 'dry run, nothing written: ' : ''}${threads.length} threads, ${would} ${this.added} comments, ${this.present} already there, ${this.skippedCount} skipped`];
    if (this.typoReports.added || this.typoReports.present) out.push(`typo reports: ${would} ${this.typoReports.added}, ${this.typoReports.present} already there`);
    for (const [counts, name] of [[this.reactions, 'reactions'], [this.bans, 'bans'], [this.pins, 'pins'], [this.threadAuthors, 'thread authors'],
      [this.notifySubscriptions, 'reply subscriptions'], [this.mailAddresses, 'mail addresses']] as const) {
      if (counts.added || counts.present) out.push(`${name}: ${would} ${counts.added}, ${counts.present} already there`);
    }
    for (const [taken, name] of [[this.authorKey, 'author key'], [this.addressKey, 'address key'], [this.mailLinkKey, 'mail link key']] as const) {
      if (taken) out.push(`${name}: ${dryRun ? 'would be taken' : 'taken'} from the export; restart servers running on this database so they use it`);
    }
    if (lines.length) out.push('threads:', ...lines);
    for (const [title, groups] of [['skipped', this.skips], ['imported with changes', this.notes]] as const) {
      if (groups.size === 0) continue;
      out.push(`${title}:`);
      for (const [reason, g] of groups) {
        const more = g.count > g.where.length ? `, and ${g.count - g.where.length} more` : '';
        out.push(`  ${g.count} × ${reason}: ${g.where.join(', ')}${more}`);
      }
    }
    return out.join('\n') + '\n';
  }
}

function group(groups: Map<string, { count: number; where: string[] }>, where: string, reason: string): void {
  let g = groups.get(reason);
  if (!g) groups.set(reason, (g = { count: 0, where: [] }));
  g.count++;
  if (g.where.length < SHOWN_PER_REASON) g.where.push(where);
}
