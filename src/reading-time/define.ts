import { defineElement } from '../core/define.js';
import { ReadingTime } from './reading-time.js';

defineElement('reading-time', ReadingTime);

export { ReadingTime };
