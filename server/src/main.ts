#!/usr/bin/env node
// The `inkwell-server` command (and `npm start`): serve, migrate, token, backup; see cli/help.ts.
import { run } from './cli/run.js';

const status = await run(process.argv.slice(2), process.env);
if (status !== undefined) process.exitCode = status;
