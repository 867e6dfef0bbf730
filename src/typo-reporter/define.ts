import { defineElement } from '../core/define.js';
import { TypoReporter } from './typo-reporter.js';

defineElement('typo-reporter', TypoReporter);

export { TypoReporter };
