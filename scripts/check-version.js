// The elements' static `version` must say what package.json says.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const source = readFileSync('src/core/version.ts', 'utf8');
const found = /VERSION = '([^']+)'/.exec(source)?.[1];
if (found !== pkg.version) {
  console.error(`src/core/version.ts says ${found}, package.json says ${pkg.version}: make them equal.`);
  process.exit(1);
}
console.log(`version ${found} matches package.json`);
