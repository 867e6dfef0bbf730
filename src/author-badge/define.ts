import { defineElement } from '../core/define.js';
import { AuthorBadge } from './author-badge.js';

defineElement('author-badge', AuthorBadge);

export { AuthorBadge };
