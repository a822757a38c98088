#!/usr/bin/env node
// Native-solc look-alike over solc-js, so forge can compile offline on machines where
// no native solc binary can be downloaded. forge only needs two things from a compiler:
// `--version` in native format, and `--standard-json` (input on stdin, output on stdout).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const solc = require('solc');
const args = process.argv.slice(2);

if (args.includes('--version')) {
  // forge parses the second line as "Version: X.Y.Z+commit.HASH...".
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write('solc-js wrapper: only --version and --standard-json are supported\n');
  process.exit(2);
}

// Sources normally arrive inline; the callback covers any import forge did not inline.
const basePath = (() => {
  const i = args.indexOf('--base-path');
  return i >= 0 ? args[i + 1] : process.cwd();
})();
function findImports(path) {
  try {
    return { contents: readFileSync(resolve(basePath, path), 'utf8') };
  } catch (e) {
    return { error: `File not found: ${path}` };
  }
}

const input = readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
