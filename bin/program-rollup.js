#!/usr/bin/env node
// Launcher for `npx program-rollup`: runs the TypeScript CLI through tsx's require hook, so a fresh clone
// needs no build step after `npm ci`.
'use strict';
const path = require('node:path');
require('tsx/cjs');
const { main, reportUnexpected } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, reportUnexpected);
