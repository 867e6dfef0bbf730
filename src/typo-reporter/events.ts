import type { TypoReport } from './report.js';

/**
 * Fired before a report is sent. Cancel it (`preventDefault()`) to take the report yourself:
 * the reporter then treats it as delivered.
 */
export class TypoReportedEvent extends CustomEvent<TypoReport> {
  constructor(report: TypoReport) {
    super('typo-reported', { detail: report, bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired after the API stored the report, or the mail program was opened with it. */
export class TypoReportSentEvent extends CustomEvent<TypoReport & { id?: string }> {
  constructor(detail: TypoReport & { id?: string }) {
    super('typo-report-sent', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'typo-reported': TypoReportedEvent;
    'typo-report-sent': TypoReportSentEvent;
  }
}
