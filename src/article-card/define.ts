import { defineElement } from '../core/define.js';
import '../author-badge/define.js';
import { ArticleCard } from './article-card.js';

// A card shows its author as a small <author-badge>, so registering the card registers the badge.
defineElement('article-card', ArticleCard);

export { ArticleCard };
