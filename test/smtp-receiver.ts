import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSignal } from './wait.js';

/** A message the receiver accepted, parsed. */
export interface ReceivedMail {
  /** The From header's address and display name. */
  readonly from: { readonly address: string; readonly name: string };
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly envelopeTo: readonly string[];
}

/** An SMTP refusal: its reply code (4xx transient, 5xx permanent) and text. */
export interface Refusal {
  readonly code: number;
  readonly message: string;
}

const firstAddress = (value: ParsedMail['from']) => ({
  address: value?.value[0]?.address ?? '',
  name: value?.value[0]?.name ?? '',
});

const addressText = (value: ParsedMail['to']): string =>
  (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(', ');

/**
 * A real SMTP server on 127.0.0.1 (plain, no STARTTLS, any or no login) that parses and records every
 * message it accepts; set `refuse` to make it refuse recipients with that reply until cleared.
 */
export async function startSmtpReceiver() {
  const received: ReceivedMail[] = [];
  const arrived = createSignal();
  const state: { refuse: Refusal | undefined; refusals: number } = { refuse: undefined, refusals: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse) {
        state.refusals++;
        const error = Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: firstAddress(mail.from),
            to: addressText(mail.to),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
          arrived.notify();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    arrived,
    state,
    /** Messages sent to `address`. */
    to: (address: string) => received.filter((m) => m.envelopeTo.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpReceiver = Awaited<ReturnType<typeof startSmtpReceiver>>;
