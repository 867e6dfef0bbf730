/**
 * Whether elements may be drawn by the server here (inkwell-elements/ssr sets their `serverView`): true in the
 * npm modules, which the server render runs. The drop-in files run only in browsers: their build writes false
 * (rollup.config.js), so that what only a server draw needs is left out of them.
 */
export const SERVER_DRAWS: boolean = true;
