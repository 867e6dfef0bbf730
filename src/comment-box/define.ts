import { defineElement } from '../core/define.js';
import '../author-badge/define.js';
import { CommentBox } from './comment-box.js';

// Each comment shows its author as a small <author-badge>, so registering the box registers the badge.
defineElement('comment-box', CommentBox);

export { CommentBox };
