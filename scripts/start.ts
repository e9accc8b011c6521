#!/usr/bin/env node
/**
 * npm start — build the site with the shipped content (scripts/build.ts, which prints its own
 * one-line faults), serve the output locally and print the URL. PORT (default 4321) and HOST
 * (default 127.0.0.1) may be set.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFault } from './lib/faults.ts';
import { serveStatic } from './lib/serve-static.ts';

const build = spawnSync(process.execPath, [fileURLToPath(import.meta.resolve('./build.ts'))], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const root = resolve(process.env.KEPU_OUT_DIR || 'dist');
try {
  const server = await serveStatic(root, { port: Number(process.env.PORT || 4321), host: process.env.HOST || '127.0.0.1' });
  console.log(`\n科普日历已启动 / Kepu Calendar is running:\n  ${server.url}\n按 Ctrl+C 停止 / press Ctrl+C to stop`);
} catch (e) {
  // A port in use (EADDRINUSE) is one line, not a stack trace.
  reportFault('start', e);
  process.exit(1);
}
