import { addEnglish } from '../core/i18n.js';
import { enThread } from '../core/messages/en-thread.js';

// The English words of the thread, its actions and the forms' stand-in come with the element; the forms' own come
// with their code (form-strings.ts, chunks/comment-forms.js).
addEnglish(enThread);
