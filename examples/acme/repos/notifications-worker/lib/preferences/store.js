'use strict';

const { Pool } = require('pg');

const DEFAULT_PREFERENCES = Object.freeze({
  orderUpdates: true,
  shippingUpdates: true,
  accountSecurity: true,
  locale: 'en',
  timezone: 'Europe/Berlin',
  emailVerified: false,
  suppressed: false,
});

class PreferenceStore {
  constructor({ databaseUrl, pool }) {
    this.pool = pool || new Pool({ connectionString: databaseUrl, max: 5 });
  }

  /** Returns the user's contact details and preferences, or null if the user is unknown. */
  async forUser(userId) {
    const { rows } = await this.pool.query(
      `SELECT u.email, u.first_name, u.email_verified, p.order_updates, p.shipping_updates, p.locale,
              p.timezone, s.reason AS suppression_reason
         FROM users u
         LEFT JOIN notification_preferences p ON p.user_id = u.id
         LEFT JOIN email_suppressions s ON lower(s.email) = lower(u.email)
        WHERE u.id = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      email: row.email,
      firstName: row.first_name,
      ...DEFAULT_PREFERENCES,
      ...(row.order_updates === null ? {} : { orderUpdates: row.order_updates }),
      ...(row.shipping_updates === null ? {} : { shippingUpdates: row.shipping_updates }),
      locale: row.locale || DEFAULT_PREFERENCES.locale,
      timezone: row.timezone || DEFAULT_PREFERENCES.timezone,
      emailVerified: row.email_verified,
      suppressed: Boolean(row.suppression_reason),
    };
  }

  async recordSent({ messageId, userId, type, sesMessageId }) {
    await this.pool.query(
      `INSERT INTO notification_log (message_id, user_id, type, ses_message_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (message_id) DO NOTHING`,
      [messageId, userId, type, sesMessageId],
    );
  }

  async alreadySent(messageId) {
    const { rowCount } = await this.pool.query('SELECT 1 FROM notification_log WHERE message_id = $1', [messageId]);
    return rowCount > 0;
  }

  end() {
    return this.pool.end();
  }
}

module.exports = { PreferenceStore, DEFAULT_PREFERENCES };
