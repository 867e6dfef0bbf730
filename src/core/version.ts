/** The library's version, kept equal to package.json's by `npm run check:version`. */
export const VERSION = '0.1.0';
