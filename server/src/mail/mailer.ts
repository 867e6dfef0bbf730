import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';

/** One mail as stored in the outbox: the same bytes go out on every attempt. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** `List-Unsubscribe` and the like. */
  headers: Record<string, string>;
  /** The recipient's language (the `Content-Language` header). */
  lang: string;
}

/** SMTP timeouts: one attempt never hangs an outbox slot for long. */
const TIMEOUT_MS = 10_000;

/**
 * Sends outbox mails: over SMTP (INKWELL_SMTP_URL), or in development without it appended to a local
 * mail log, so notifications can be tried without a mail server. The Message-ID comes from the outbox
 * row, so a mail sent twice (a crash between the server's 250 and the row's removal) has the same
 * Message-ID both times and mail clients show it once.
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly config: Config) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'inkwell.localhost';
  }

  /** Whether mail can go anywhere: SMTP, or the development mail log. */
  static enabled(config: Config): boolean {
    return config.smtpUrl !== null || config.mailLog !== null;
  }

  messageId(rowId: string): string {
    return `<${rowId}@${this.domain}>`;
  }

  /** Sends (or logs) one mail; rejects when the server refuses it or `signal` aborts first. */
  async send(rowId: string, createdAt: number, mail: MailMessage, signal: AbortSignal): Promise<void> {
    const sending = this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: this.messageId(rowId),
      date: new Date(createdAt),
      headers: { ...mail.headers, 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
    });
    const aborted = new Promise<never>((_resolve, reject) => {
      if (signal.aborted) reject(new Error('aborted'));
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    const info = await Promise.race([sending, aborted]);
    if (!this.config.smtpUrl && this.config.mailLog) await appendToLog(this.config.mailLog, info.message as Buffer);
  }

  close(): void {
    this.transport.close();
  }
}

/** Development: each mail as its raw source, one after another, with a separator line between. */
async function appendToLog(file: string, message: Buffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.appendFile(file, Buffer.concat([Buffer.from(`\n===== ${new Date().toISOString()} =====\n`), message, Buffer.from('\n')]));
}
