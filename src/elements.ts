// The npm entry: classes and pure helpers, registering nothing.
export { ReadingTime } from './reading-time/reading-time.js';
export { ReadingTimeUpdatedEvent, type ReadingTimeDetail } from './reading-time/events.js';
export * from './reading-time/estimate.js';
export { AuthorBadge, type BadgeSize } from './author-badge/author-badge.js';
export { ArticleCard, type CardLayout } from './article-card/article-card.js';
export { TypoReporter } from './typo-reporter/typo-reporter.js';
export { TypoReportedEvent, TypoReportSentEvent } from './typo-reporter/events.js';
export type { TypoReport } from './typo-reporter/report.js';
export { defineElement } from './core/define.js';
export { registerMessages, type Messages } from './core/i18n.js';
export { VERSION } from './core/version.js';
