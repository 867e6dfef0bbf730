import { defineElement } from '../core/define.js';
import { CommentBox } from './comment-box.js';

defineElement('comment-box', CommentBox);

export { CommentBox };
