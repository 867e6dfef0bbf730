// The drop-in entry: one <script> registers every element.
import './reading-time/define.js';

export * from './elements.js';
