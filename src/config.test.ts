import { describe, expect, it } from 'vitest';
import { ConfigError, helpText, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: undefined,
      tokenTtlSeconds: 3900,
    });
    expect(config.publicUrl.href).toBe('http://127.0.0.1:8080/');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('derives the public URL from host and port, and takes an explicit one', () => {
    expect(loadConfig({ ROSTER_PORT: '9000' }).publicUrl.host).toBe('127.0.0.1:9000');
    expect(loadConfig({ ROSTER_PUBLIC_URL: 'https://roster.example.com' }).publicUrl.hostname).toBe(
      'roster.example.com',
    );
  });

  it('reports every bad value at once, naming each variable', () => {
    try {
      loadConfig({
        ROSTER_PORT: 'eighty',
        ROSTER_DATABASE_URL: 'mysql://x',
        ROSTER_PUBLIC_URL: 'not a url',
        ROSTER_TOKEN_TTL_SECONDS: '60',
        ROSTER_LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of [
        'ROSTER_PORT',
        'ROSTER_DATABASE_URL',
        'ROSTER_PUBLIC_URL',
        'ROSTER_TOKEN_TTL_SECONDS',
        'ROSTER_LOG_LEVEL',
      ]) {
        expect(message).toContain(name);
      }
      expect((error as ConfigError).problems).toHaveLength(5);
    }
  });

  it('lists every setting in --help', () => {
    const text = helpText();
    for (const name of [
      'ROSTER_HOST',
      'ROSTER_PORT',
      'ROSTER_DATA_DIR',
      'ROSTER_DATABASE_URL',
      'ROSTER_PUBLIC_URL',
    ]) {
      expect(text).toContain(name);
    }
  });
});
