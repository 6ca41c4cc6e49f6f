'use strict';

/**
 * Decides whether a message may be sent now, later, or not at all. Security mails (password reset,
 * email changed) always go out immediately, even to suppressed or unverified addresses that
 * haven't opted out of them.
 */
const SECURITY_TYPES = new Set(['account.password_reset_requested', 'account.email_changed']);

function localHour(date, timezone) {
  const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: false, timeZone: timezone }).format(date);
  return Number(hour) % 24;
}

function inQuietHours(hour, quietHours) {
  const { start, end } = quietHours;
  return start > end ? hour >= start || hour < end : hour >= start && hour < end;
}

function decide(type, prefs, { now = new Date(), quietHours }) {
  if (!prefs) return { action: 'drop', reason: 'unknown_user' };
  if (SECURITY_TYPES.has(type)) return { action: 'send' };
  if (prefs.suppressed) return { action: 'drop', reason: 'suppressed' };
  if (type === 'account.created') return { action: 'send' };
  if (!prefs.emailVerified) return { action: 'drop', reason: 'unverified' };

  if (type === 'order.confirmed' && !prefs.orderUpdates) return { action: 'drop', reason: 'opted_out' };
  if ((type === 'order.shipped' || type === 'order.delivered') && !prefs.shippingUpdates) {
    return { action: 'drop', reason: 'opted_out' };
  }

  // Delivery confirmations aren't urgent; hold them until the morning in the user's timezone.
  if (type === 'order.delivered' && quietHours && inQuietHours(localHour(now, prefs.timezone), quietHours)) {
    return { action: 'defer', reason: 'quiet_hours' };
  }
  return { action: 'send' };
}

module.exports = { decide, inQuietHours, localHour, SECURITY_TYPES };
