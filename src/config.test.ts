import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, helpText, loadConfig, SETTINGS, SETTINGS_SECTION, settingsMarkdown } from './config.js';

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

  it('sends mail only with an SMTP URL, which needs a From address', () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig({ ROSTER_MAIL_FROM: 'roster@example.com' }).mail).toBeUndefined();
    expect(
      loadConfig({
        ROSTER_SMTP_URL: 'smtps://u:p@mail.example.com',
        ROSTER_MAIL_FROM: 'Roster <r@example.com>',
      }).mail,
    ).toEqual({ smtpUrl: 'smtps://u:p@mail.example.com', from: 'Roster <r@example.com>' });
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problemsOf({ ROSTER_SMTP_URL: 'smtp://127.0.0.1:25' })).toEqual([
      'ROSTER_SMTP_URL is set, so ROSTER_MAIL_FROM must be too (the address mail is sent from)',
    ]);
    expect(problemsOf({ ROSTER_SMTP_URL: 'http://mail', ROSTER_MAIL_FROM: 'not an address' })).toEqual([
      'ROSTER_SMTP_URL must be an smtp:// or smtps:// URL',
      'ROSTER_MAIL_FROM must be an email address',
    ]);
  });

  it('reads exactly the variables of its settings table', () => {
    const read = new Set<string>();
    const env = new Proxy<NodeJS.ProcessEnv>(
      {},
      {
        get: (_, name) => {
          if (typeof name === 'string') read.add(name);
          return undefined;
        },
      },
    );
    loadConfig(env);
    expect([...read].sort()).toEqual(
      Object.values(SETTINGS)
        .map((setting) => setting.name)
        .sort(),
    );
  });

  it('lists every setting in --help with its default', () => {
    const lines = helpText().split('\n');
    for (const setting of Object.values(SETTINGS)) {
      const line = lines.find((text) => text.trimStart().startsWith(`${setting.name} `));
      expect(line, setting.name).toContain(`(default: ${setting.shownDefault.replaceAll('`', '')})`);
    }
  });

  it('has the README table generated from its settings table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(SETTINGS_SECTION.begin);
    const end = readme.indexOf(SETTINGS_SECTION.end);
    expect(start, 'README.md has the settings section').toBeGreaterThanOrEqual(0);
    expect(
      readme.slice(start + SETTINGS_SECTION.begin.length + 1, end),
      'README.md is behind src/config.ts: run npm run docs:settings',
    ).toBe(settingsMarkdown());
  });
});
