/** A real SMTP server in the test process (smtp-server), keeping every message it accepted, parsed. */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { sleep } from './helpers.js';

export interface Caught {
  /** RCPT TO of the envelope. */
  to: string[];
  from: string;
  raw: string;
  mail: ParsedMail;
  header(name: string): string | undefined;
}

export class MailCatcher {
  readonly messages: Caught[] = [];
  /** Whether to hold the n-th message (0-based) unanswered until its sender goes away: a sender killed mid-delivery. */
  hold: (n: number) => boolean = () => false;
  /** Messages received in full and held unanswered right now. */
  holding = 0;
  private received = 0;
  private readonly closed = new Set<string>();
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<MailCatcher> {
    const c = new MailCatcher();
    c.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session: SMTPServerSession) => c.closed.add(session.id),
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', async () => {
          if (c.hold(c.received++)) {
            c.holding++;
            while (!c.closed.has(session.id)) await sleep(20);
            c.holding--;
          }
          // A sender that went away before the 250 did not deliver this message.
          if (c.closed.has(session.id)) return callback(new Error('gone'));
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail = await simpleParser(raw);
          c.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            raw, mail,
            header: (name) => {
              const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
              return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : undefined;
            },
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => c.server.listen(0, '127.0.0.1', resolve));
    c.port = (c.server.server.address() as { port: number }).port;
    return c;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves once `n` messages arrived in all; throws with what did arrive after `ms`. */
  async waitFor(n: number, ms = 10_000): Promise<Caught[]> {
    const end = Date.now() + ms;
    while (this.messages.length < n) {
      if (Date.now() > end) throw new Error(`expected ${n} mails, got ${this.messages.length}: ${this.messages.map((m) => m.mail.subject).join(' | ')}`);
      await sleep(25);
    }
    return this.messages;
  }

  /** What arrived for one address. */
  for(address: string): Caught[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The links of a mail's text part. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
}
