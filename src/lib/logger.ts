import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Paths pino blanks wherever they appear in a log record. Fastify's request serializer logs no
 * headers or bodies; these hold if a serializer or a `log.info({ req })` ever adds them, so a bearer
 * token or client secret can never reach a log (issue 3 point 7).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'headers.authorization',
  'body.client_secret',
  'body.client_assertion',
  'client_secret',
  'client_assertion',
  'clientSecret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
