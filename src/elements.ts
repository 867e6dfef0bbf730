// The npm entry: classes and pure helpers, registering nothing.
export { ReadingTime } from './reading-time/reading-time.js';
export { ReadingTimeUpdatedEvent, type ReadingTimeDetail } from './reading-time/events.js';
export * from './reading-time/estimate.js';
export { AuthorBadge, type BadgeSize } from './author-badge/author-badge.js';
export { ArticleCard, type CardLayout } from './article-card/article-card.js';
export { TypoReporter } from './typo-reporter/typo-reporter.js';
export { TypoReportedEvent, TypoReportSentEvent } from './typo-reporter/events.js';
export type { TypoReport } from './typo-reporter/report.js';
export { CommentBox } from './comment-box/comment-box.js';
export { CommentPostedEvent, CommentEditedEvent, CommentDeletedEvent, LoginRequestedEvent } from './comment-box/events.js';
export type { Comment, CommentPage } from './comment-box/types.js';
export { renderMarkdown } from './comment-box/markdown.js';
export { CommentModeration } from './comment-moderation/comment-moderation.js';
export { ItemModeratedEvent, type ItemModeratedDetail } from './comment-moderation/events.js';
export { defineElement } from './core/define.js';
export { registerMessages, type Messages } from './core/i18n.js';
export { VERSION } from './core/version.js';
