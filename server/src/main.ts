import { ConfigError, loadConfig } from './config.js';
import { buildServer } from './app.js';
import { DEMO_BANNER, demoRefusal } from './demo.js';

export { buildServer } from './app.js';
export { loadConfig } from './config.js';

let config;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`inkwell: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const app = await buildServer(config);
let address: string;
try {
  address = await app.listen({ port: config.port, host: config.host });
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
  await app.close().catch(() => {});
  const why = code === 'EADDRINUSE' ? 'is in use' : 'needs privileges this process lacks';
  process.stderr.write(`inkwell: port ${config.port} ${why}; start with --port <n> (or INKWELL_PORT)\n`);
  process.exit(1);
}
if (demoRefusal(config) === null) process.stderr.write(DEMO_BANNER);
app.log.info({ url: address, mode: config.mode, database: app.inkwell.database.dialect }, 'inkwell listening');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info(`${signal}: shutting down`);
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}
