import { addEnglish } from '../core/i18n.js';
import { enCommentForms } from '../core/messages/en-comment-forms.js';

// The forms' English words come with their code (chunks/comment-forms.js), before any form is drawn.
addEnglish(enCommentForms);
