import { addEnglish } from '../core/i18n.js';
import { enInboxShared, enModeration } from './en.js';

// The inbox's English strings come with its own chunk: pages without it do not load them.
addEnglish({ ...enInboxShared, ...enModeration });
