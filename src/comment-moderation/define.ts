import { defineElement } from '../core/define.js';
import { CommentModeration } from './comment-moderation.js';

defineElement('comment-moderation', CommentModeration);

export { CommentModeration };
