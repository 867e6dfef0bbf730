import type { Messages } from './messages.js';
import { enForms } from './en-forms.js';
import { enModeration } from '../../comment-moderation/en.js';

/** Every English string: en-core.ts, the elements with forms (en-forms.ts) and the moderation inbox (src/comment-moderation/en.ts). */
export const en: Messages = { ...enForms, ...enModeration };
