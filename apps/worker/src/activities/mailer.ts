import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationDto } from '@genq/contracts';
import type { MailConfig } from '../config';

/** Sends outbox entries over SMTP. The Message-ID is derived from the entry, so a receiving server can spot a repeat. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailConfig) {
    this.transport = createTransport(config.smtpUrl);
  }

  /** The address a notification goes to: its recipient, or the programme office for escalations. */
  addressOf(n: Pick<NotificationDto, 'kind' | 'recipientEmail'>): string | null {
    if (n.recipientEmail) return n.recipientEmail;
    return n.kind === 'escalation' || n.kind === 'stalled' ? this.config.programmeOfficeEmail : null;
  }

  async send(n: NotificationDto, to: string): Promise<void> {
    await this.transport.sendMail({
      from: this.config.from,
      to,
      subject: n.subject,
      text: n.body,
      messageId: `<${n.id}@genq>`,
      headers: { 'X-GenQ-Idempotency-Key': n.idempotencyKey },
    });
  }

  close(): void {
    this.transport.close();
  }
}
