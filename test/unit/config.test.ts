// Configuration that cannot go wrong silently: production names every part it talks to.
import { loadConfig } from '../../config/env';

const production = {
  NODE_ENV: 'production',
  SIGAP_PAYLOAD_KEYS: 'k1:c2lnYXAtdGVzdC1vbmx5LWtleS0zMi1ieXRlcy4uLi4=',
  SIGAP_JWT_SECRET: 'a-production-like-secret-of-32-characters!',
  DATABASE_URL: 'postgres://sigap@db.internal:5432/sigap',
  TEMPORAL_ADDRESS: 'temporal.internal:7233',
  SIGAP_PARTNER_REFERRAL_URL: 'https://referral.partner.example',
  SIGAP_PARTNER_TRANSPORT_URL: 'https://transport.partner.example',
  SIGAP_PARTNER_TRACING_URL: 'https://dukcapil.partner.example',
  SIGAP_CALLBACK_URL: 'https://sigap.dinsos.example/v1/partner-callbacks',
};
const without = (name: keyof typeof production) => Object.fromEntries(Object.entries(production).filter(([k]) => k !== name));

test('production starts with every part named', () => {
  const config = loadConfig(production);
  expect(config).toMatchObject({ production: true, databaseUrl: production.DATABASE_URL, drainDelayMs: 5_000, requestDeadlineMs: 1_200 });
  expect(config.partners).toMatchObject({ integration: true, simulators: false, callbackUrl: production.SIGAP_CALLBACK_URL });
});

test.each(['DATABASE_URL', 'TEMPORAL_ADDRESS'] as const)('production refuses to start without %s (no embedded database, no local dev server)', (name) => {
  expect(() => loadConfig(without(name))).toThrow(`${name} is required in production`);
});

test('production with partner services refuses to start without a public callback address', () => {
  expect(() => loadConfig(without('SIGAP_CALLBACK_URL'))).toThrow(/SIGAP_CALLBACK_URL .* is required in production/);
  // Without partner services there is nothing to call back.
  const alone = Object.fromEntries(Object.entries(production).filter(([k]) => !k.startsWith('SIGAP_PARTNER_') && k !== 'SIGAP_CALLBACK_URL'));
  expect(loadConfig(alone).partners.integration).toBe(false);
});

test('development keeps its defaults: the embedded database, the dev server, the API\'s own callback address', () => {
  const config = loadConfig({ SIGAP_DATA_DIR: '/tmp/sigap-config-test' });
  expect(config).toMatchObject({ production: false, databaseUrl: undefined, drainDelayMs: 0 });
  expect(config.temporal.address).toBeUndefined();
  expect(config.partners.callbackUrl).toBe('http://127.0.0.1:3000/v1/partner-callbacks');
});

test('the worker\'s limits are set from configuration, with explicit defaults, and refused when absurd', () => {
  expect(loadConfig({}).worker).toEqual({ maxCachedWorkflows: 1_000, maxConcurrentWorkflowTaskExecutions: 40, maxConcurrentActivityTaskExecutions: 100, stickyQueueScheduleToStartTimeout: 10_000 });
  expect(loadConfig({ SIGAP_WORKER_CACHED_CASES: '250', SIGAP_WORKER_ACTIVITY_TASKS: '20', SIGAP_WORKER_STICKY_SECONDS: '15' }).worker).toMatchObject({
    maxCachedWorkflows: 250,
    maxConcurrentActivityTaskExecutions: 20,
    stickyQueueScheduleToStartTimeout: 15_000,
  });
  expect(() => loadConfig({ SIGAP_WORKER_CACHED_CASES: '0' })).toThrow(/SIGAP_WORKER_CACHED_CASES/);
  expect(loadConfig({}).staffRegistry).toBe('known');
  expect(Object.keys(loadConfig({}).offices)).toContain('64.72');
});
