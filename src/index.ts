// The drop-in entry: one <script> registers every element.
import './reading-time/define.js';
import './author-badge/define.js';
import './article-card/define.js';
import './typo-reporter/define.js';
import './comment-box/define.js';
import './comment-moderation/define.js';

export * from './elements.js';
