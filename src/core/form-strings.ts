import { addEnglish } from './i18n.js';
import { enForms } from './messages/en-forms.js';

// The English strings of the elements with forms (the typo reporter, the comment box), imported by their
// modules (the comment box's through failure.ts): core.js, which every page loads, holds only those of the
// other elements (messages/en-core.ts).
addEnglish(enForms);
