/**
 * Whether this code may run on a server, where inkwell-elements/ssr draws the elements (it sets their
 * `serverView`) and where there may be no DOM: true in the npm modules. The drop-in files run only in
 * browsers: their build writes false (rollup.config.js), so that what only a server needs is left out of them.
 */
export const SERVER_SIDE: boolean = true;
