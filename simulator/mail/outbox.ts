import { stmt, type Db } from '../store/db.js';
import { iso } from '../clock.js';

/** One email the embedded SMTP server received. */
export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
  userId?: string;
  /** The one-time password or temporary password the mail carries, for tests and demos. */
  code?: string;
}

interface MailRow {
  to_addr: string;
  subject: string;
  text: string;
  user_id: string | null;
  received_at: number;
}

// Both templates put the secret on a line of its own after "Code:" / "Temporary password:".
const CODE_LINE = /^(?:Code|Temporary password): (\S+)$/m;

/** Stores a received mail. */
export function storeMail(
  db: Db,
  mail: { to: string; subject: string; text: string; userId?: string; at: number },
): void {
  stmt(
    db,
    'INSERT INTO mails (to_addr, subject, text, user_id, received_at) VALUES (?, ?, ?, ?, ?)',
  ).run(mail.to, mail.subject, mail.text, mail.userId ?? null, mail.at);
}

/** The mails received, newest first, optionally only those for one user. */
export function readOutbox(db: Db, userId?: string): OutboxMail[] {
  const rows = (
    userId === undefined
      ? stmt(db, 'SELECT * FROM mails ORDER BY id DESC').all()
      : stmt(db, 'SELECT * FROM mails WHERE user_id = ? ORDER BY id DESC').all(
          userId.trim().toUpperCase(),
        )
  ) as MailRow[];
  return rows.map((r) => {
    const code = CODE_LINE.exec(r.text)?.[1];
    return {
      to: r.to_addr,
      subject: r.subject,
      text: r.text,
      sentAt: iso(r.received_at),
      ...(r.user_id ? { userId: r.user_id } : {}),
      ...(code ? { code } : {}),
    };
  });
}
