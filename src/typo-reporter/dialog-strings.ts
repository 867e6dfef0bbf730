import { addEnglish } from '../core/i18n.js';
import { enTypoDialog } from '../core/messages/en-typo-dialog.js';

// The dialog's English words come with its code (chunks/machinery.js): a page whose reader reports nothing does not load them.
addEnglish(enTypoDialog);
