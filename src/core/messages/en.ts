import type { Messages } from './messages.js';
import { enCore } from './en-core.js';
import { enHint } from './en-hint.js';
import { enFailure } from './en-failure.js';
import { enTypoDialog } from './en-typo-dialog.js';
import { enThread } from './en-thread.js';
import { enCommentForms } from './en-comment-forms.js';
import { enModeration } from '../../comment-moderation/en.js';

/**
 * Every English string. Each part comes with the code that shows it: en-core.ts with every page, the typo reporter's
 * hint (en-hint.ts), a failed request's words (en-failure.ts), the typo dialog (en-typo-dialog.ts), the comment box's
 * thread (en-thread.ts) and forms (en-comment-forms.ts), the moderation inbox (src/comment-moderation/en.ts). Parts
 * may share a key (test/core/english-by-element.test.ts checks that they agree); this type checks that none is missing.
 */
export const en: Messages = { ...enCore, ...enHint, ...enFailure, ...enTypoDialog, ...enThread, ...enCommentForms, ...enModeration };
