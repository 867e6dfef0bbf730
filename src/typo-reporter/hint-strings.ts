import { addEnglish } from '../core/i18n.js';
import { enHint } from '../core/messages/en-hint.js';

// The English words of the hint, and of a dialog whose code could not be fetched, come with the element; the
// dialog's come with its code (dialog-strings.ts).
addEnglish(enHint);

export { enHint };
