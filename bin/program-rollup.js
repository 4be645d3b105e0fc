#!/usr/bin/env node
// Launcher for `npx program-rollup`: runs the TypeScript CLI through tsx's require hook, so a fresh clone
// needs no build step after `npm ci`.
'use strict';
const path = require('node:path');
require('tsx/cjs');
const { main } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`program-rollup: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
