import type { Config } from '../config.js';
import { buildServer } from '../app.js';
import { DEMO_BANNER, demoRefusal } from '../demo.js';

// Whatever still hangs this long after SIGINT/SIGTERM is cut.
const HARD_EXIT_MS = 10_000;

/** Listens until SIGINT or SIGTERM; resolves with an exit status only when it cannot start. */
export async function serve(config: Config): Promise<number | undefined> {
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
    return 1;
  }
  if (demoRefusal(config) === null) process.stderr.write(DEMO_BANNER);
  app.log.info({ url: address, mode: config.mode, database: app.inkwell.database.dialect }, 'inkwell listening');

  // Stop accepting, let requests in flight finish, end event streams, hand back webhook deliveries
  // (app.ts, shutdown.ts, sse.ts, outbox.ts), then exit 0.
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) process.exit(1);
      closing = true;
      app.log.info(`${signal}: shutting down`);
      setTimeout(() => {
        app.log.error(`still closing after ${HARD_EXIT_MS / 1000} s; exiting`);
        process.exit(1);
      }, HARD_EXIT_MS).unref();
      app.close().then(() => process.exit(0), (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
  return undefined;
}
