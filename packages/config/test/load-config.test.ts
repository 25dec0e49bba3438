import { describe, expect, it } from 'vitest';
import {
  allConfigFields,
  apiConfigFields,
  ConfigError,
  describeConfig,
  ingestConfigFields,
  loadConfig,
} from '../src/index.ts';

describe('loadConfig', () => {
  it('fills every field from its default when the environment is empty', () => {
    const config = loadConfig(allConfigFields, {});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/regwatch');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.FETCH_MAX_REDIRECTS).toBe(5);
    expect(config.FETCH_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(config.API_ANONYMOUS_ACCESS).toBe(true);
    expect(config.API_ANONYMOUS_RATE).toBe(60);
    expect(config.API_KEY_DEFAULT_RATE).toBe(600);
    expect(config.API_AUTH_FAILURE_RATE).toBe(10);
    expect(config.API_KEY_CACHE_SECONDS).toBe(30);
    expect(config.API_CACHE_MAX_AGE).toBe(60);
  });

  it('reads the API access settings, refusing a zero rate', () => {
    const config = loadConfig(apiConfigFields, { API_ANONYMOUS_ACCESS: 'false', API_KEY_CACHE_SECONDS: '0' });
    expect(config.API_ANONYMOUS_ACCESS).toBe(false);
    expect(config.API_KEY_CACHE_SECONDS).toBe(0);
    expect(() => loadConfig(apiConfigFields, { API_ANONYMOUS_RATE: '0', API_AUTH_FAILURE_RATE: 'ten' })).toThrowError(
      'API_ANONYMOUS_RATE must be between 1 and 1000000, got 0; API_AUTH_FAILURE_RATE must be a whole number, got "ten"',
    );
  });

  it('parses values and treats empty strings as unset', () => {
    const config = loadConfig(ingestConfigFields, { FETCH_TIMEOUT_MS: '5000', LOG_LEVEL: 'DEBUG', QUEUE_PREFIX: '' });
    expect(config.FETCH_TIMEOUT_MS).toBe(5000);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.QUEUE_PREFIX).toBe('regwatch');
  });

  it('reports every problem at once, each naming its variable', () => {
    let error: unknown;
    try {
      loadConfig(allConfigFields, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root@db/regwatch',
        REDIS_URL: 'not a url',
        FETCH_MAX_REDIRECTS: '9',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(message).toContain('PORT must be a whole number, got "eighty"');
    expect(message).toContain('DATABASE_URL must use postgres: or postgresql:');
    expect(message).toContain('REDIS_URL must be a URL');
    expect(message).toContain('FETCH_MAX_REDIRECTS must be between 0 and 5, got 9');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('never prints a password, even in an error', () => {
    const config = loadConfig(allConfigFields, {
      DATABASE_URL: 'postgres://app:s3cret@db:5432/regwatch',
      REDIS_URL: 'rediss://default:hunter2@cache:6380',
    });
    const printed = describeConfig(allConfigFields, config).join('\n');
    expect(printed).toContain('DATABASE_URL=postgres://app:***@db:5432/regwatch');
    expect(printed).toContain('REDIS_URL=rediss://default:***@cache:6380');
    expect(printed).not.toMatch(/s3cret|hunter2/);
    expect(() => loadConfig(allConfigFields, { DATABASE_URL: 'mysql://app:s3cret@db/x' })).toThrowError(
      /^(?!.*s3cret)/,
    );
  });
});

describe('FETCH_ALLOW_ADDRESSES', () => {
  it('is empty by default: the fetcher reaches public addresses only', () => {
    expect(loadConfig(ingestConfigFields, {}).FETCH_ALLOW_ADDRESSES).toEqual([]);
  });

  it('reads comma-separated IPv4 and IPv6 CIDRs and bare addresses', () => {
    const config = loadConfig(ingestConfigFields, {
      FETCH_ALLOW_ADDRESSES: ' 127.0.0.0/8, ::1/128,,10.1.2.3,fd00::/8 ',
    });
    expect(config.FETCH_ALLOW_ADDRESSES).toEqual(['127.0.0.0/8', '::1/128', '10.1.2.3', 'fd00::/8']);
    expect(describeConfig(ingestConfigFields, config)).toContain(
      'FETCH_ALLOW_ADDRESSES=127.0.0.0/8,::1/128,10.1.2.3,fd00::/8',
    );
  });

  it.each(['127.0.0.0/33', '::1/129', 'localhost', '127.0.0.1/', '127.1/8', '256.0.0.0/8', '::1/8/8', '[::1]/128'])(
    'refuses %j, naming the variable',
    (entry) => {
      expect(() => loadConfig(ingestConfigFields, { FETCH_ALLOW_ADDRESSES: `127.0.0.0/8,${entry}` })).toThrowError(
        `FETCH_ALLOW_ADDRESSES must be comma-separated CIDRs like 127.0.0.0/8,::1/128, got "${entry}"`,
      );
    },
  );
});
