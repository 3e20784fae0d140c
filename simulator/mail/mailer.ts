import nodemailer from 'nodemailer';
import { CcmsError } from '../../shared/errors.js';
import type { MailContent } from './templates.js';

/** Sends mail; throws EMAIL_DELIVERY_FAILED when the SMTP server cannot take it. */
export interface Mailer {
  send(to: string, userId: string, content: MailContent): Promise<void>;
  close(): void;
}

/** A nodemailer transport to an SMTP server (the embedded sink, or a relay from the settings). */
export function createMailer(host: string, port: number, from: string): Mailer {
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: false,
    ignoreTLS: true,
    // A dead relay must fail the request in seconds, not hang it.
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return {
    async send(to, userId, content) {
      try {
        await transport.sendMail({
          from,
          to,
          subject: content.subject,
          text: content.text,
          textEncoding: 'base64',
          headers: { 'X-CCMS-User-Id': userId },
        });
      } catch (e) {
        const reason = (e as { code?: string }).code ?? 'error';
        throw new CcmsError(
          'EMAIL_DELIVERY_FAILED',
          `The email could not be sent (SMTP ${reason}); try again shortly.`,
        );
      }
    },
    close() {
      transport.close();
    },
  };
}
