import { createTransport } from 'nodemailer';

/** One message to one person: plain text, with a Message-ID that stays the same if it is sent again. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** RFC 5322 Message-ID without the angle brackets; a re-send repeats it, so mail clients fold the copies. */
  readonly messageId: string;
}

export interface Mailer {
  /** Hands the message to the SMTP server; resolves once the server accepted it, rejects otherwise. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** How long an SMTP server may take to accept a connection, greet, or answer a command. */
const SMTP_TIMEOUT_MS = 30_000;

/**
 * A mailer sending through the SMTP server of `url` (`smtp://host:port`, `smtps://user:pass@host`;
 * nodemailer reads the URL, query options included) from `from`. Reusable by anything that mails.
 */
export function createSmtpMailer(options: { readonly url: string; readonly from: string }): Mailer {
  const transport = createTransport({
    url: options.url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.messageId}>`,
      });
    },
    close: () => transport.close(),
  };
}

/**
 * Whether an SMTP failure is final: a 5xx reply (RFC 5321 §4.2.1, "permanent negative completion")
 * says sending the same message again will fail again; anything else (4xx, a refused or dropped
 * connection, a timeout) may pass later.
 */
export function isPermanentMailFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** What a failure says, short enough to store: the server's reply when there is one. */
export function mailFailureText(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown; code?: unknown } | null;
  const text =
    typeof e?.response === 'string' ? e.response : typeof e?.message === 'string' ? e.message : String(error);
  return (typeof e?.code === 'string' ? `${e.code}: ${text}` : text).slice(0, 500);
}
