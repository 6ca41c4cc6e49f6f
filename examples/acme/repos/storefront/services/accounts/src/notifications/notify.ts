import { createHttpClient, HttpError } from "@acme/platform-kit";
import { config } from "../config.js";

/**
 * Account emails are rendered and sent by notifications-worker. We hand over a template name and the
 * data; the worker queues it, so a 202 here means "accepted", not "delivered".
 */
const worker = createHttpClient({ baseUrl: config.notificationsUrl, timeoutMs: 3000 });

export type Template = "welcome" | "verify_email" | "password_reset" | "password_changed" | "email_changed";

export interface Notification {
  template: Template;
  to: string;
  locale?: string;
  data: Record<string, string>;
  /** Makes a resend after a timeout safe: the worker drops duplicates with the same key. */
  dedupeKey: string;
}

export class NotificationRejected extends Error {}

export async function sendNotification(notification: Notification): Promise<void> {
  try {
    await worker.post("/v1/messages", {
      channel: "email",
      template: notification.template,
      to: notification.to,
      locale: notification.locale ?? "en-GB",
      data: notification.data,
      dedupe_key: notification.dedupeKey,
    });
  } catch (err) {
    if (err instanceof HttpError && err.status === 422) {
      throw new NotificationRejected(`worker rejected ${notification.template}: ${err.body}`);
    }
    throw err;
  }
}
