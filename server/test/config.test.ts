import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../src/config.js';
import { spawnServer } from './helpers.js';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({}, []);
    assert.equal(c.port, 8080);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.mode, 'development');
    assert.equal(c.jwtSecret, DEV_JWT_SECRET);
    assert.equal(c.devSecret, true);
    assert.equal(c.databaseUrl, null);
    assert.match(c.dataDir, /data$/);
    assert.equal(c.guests, false);
    assert.equal(c.moderation, 'off');
    assert.deepEqual(c.trustedProxies, []);
    assert.equal(c.moderatorLang, 'en');
    assert.equal(loadConfig({ INKWELL_MODERATOR_LANG: 'fr-CA' }, []).moderatorLang, 'fr');
    assert.equal(loadConfig({ INKWELL_MODERATOR_LANG: 'zh-TW' }, []).moderatorLang, 'zh-Hant');
  });

  it('takes --port over INKWELL_PORT', () => {
    assert.equal(loadConfig({ INKWELL_PORT: '9000' }, []).port, 9000);
    assert.equal(loadConfig({ INKWELL_PORT: '9000' }, ['--port', '9001']).port, 9001);
    assert.equal(loadConfig({}, ['--port=0']).port, 0);
  });

  it('refuses production without a key, short secrets and bad values', () => {
    assert.throws(() => loadConfig({ INKWELL_MODE: 'production' }, []), ConfigError);
    assert.throws(() => loadConfig({ INKWELL_JWT_SECRET: 'short' }, []), /32 bytes/);
    assert.throws(() => loadConfig({ INKWELL_MODERATION: 'post' }, []), /INKWELL_MODERATION/);
    assert.throws(() => loadConfig({ INKWELL_PORT: 'eighty' }, []), /INKWELL_PORT/);
    assert.throws(() => loadConfig({ INKWELL_MODERATOR_LANG: 'tlh' }, []), /INKWELL_MODERATOR_LANG: "tlh" is not one of the mail languages/);
    assert.throws(() => loadConfig({ INKWELL_DATABASE_URL: 'mysql://x' }, []), /postgres/);
    assert.throws(() => loadConfig({ INKWELL_DATABASE_SCHEMA: 'a; drop' }, []), /SQL identifier/);
    const prod = loadConfig({ INKWELL_MODE: 'production', INKWELL_JWT_SECRET: 'x'.repeat(32), INKWELL_PUBLIC_URL: 'https://comments.example', INKWELL_TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16' }, []);
    assert.equal(prod.devSecret, false);
    assert.deepEqual(prod.trustedProxies, ['10.0.0.1', '10.1.0.0/16']);
  });

  it('the CLI exits with a message when production has no key', async () => {
    await assert.rejects(spawnServer({ INKWELL_MODE: 'production', INKWELL_JWT_SECRET: '', INKWELL_JWKS_URL: '' }), /production mode needs INKWELL_JWT_SECRET/);
  });
});
