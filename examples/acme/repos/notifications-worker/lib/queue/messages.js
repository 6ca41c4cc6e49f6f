'use strict';

const ACCOUNT_TYPES = ['account.created', 'account.password_reset_requested', 'account.email_changed'];
const ORDER_TYPES = ['order.confirmed', 'order.shipped', 'order.delivered'];
const KNOWN_TYPES = new Set([...ACCOUNT_TYPES, ...ORDER_TYPES]);

class InvalidMessageError extends Error {
  constructor(message, raw) {
    super(message);
    this.name = 'InvalidMessageError';
    this.raw = raw;
  }
}

/**
 * Accounts and checkout publish to SNS; SNS wraps our envelope in its own, so the body is
 * either { Type: 'Notification', Message: '<json>' } or our envelope directly (local testing).
 */
function unwrap(body) {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw new InvalidMessageError(`body is not JSON: ${err.message}`, body);
  }
  if (parsed && parsed.Type === 'Notification' && typeof parsed.Message === 'string') {
    try {
      return JSON.parse(parsed.Message);
    } catch (err) {
      throw new InvalidMessageError(`SNS Message is not JSON: ${err.message}`, body);
    }
  }
  return parsed;
}

function parseMessage(sqsMessage) {
  const envelope = unwrap(sqsMessage.Body);
  if (!envelope || typeof envelope !== 'object') {
    throw new InvalidMessageError('envelope must be an object', sqsMessage.Body);
  }
  const { id, type, occurredAt, data } = envelope;
  if (typeof id !== 'string' || !id) throw new InvalidMessageError('missing id', sqsMessage.Body);
  if (!KNOWN_TYPES.has(type)) throw new InvalidMessageError(`unknown type ${type}`, sqsMessage.Body);
  if (!data || typeof data.userId !== 'string') {
    throw new InvalidMessageError('data.userId is required', sqsMessage.Body);
  }
  const attempt = Number((sqsMessage.Attributes || {}).ApproximateReceiveCount || 1);
  return {
    id,
    type,
    occurredAt: occurredAt ? new Date(occurredAt) : new Date(),
    data,
    attempt,
    receivedAt: new Date(),
    receiptHandle: sqsMessage.ReceiptHandle,
  };
}

function isTransactional(type) {
  // Everything we send today is transactional; marketing goes through the CRM tool.
  return ACCOUNT_TYPES.includes(type) || type === 'order.confirmed' || type === 'order.shipped';
}

module.exports = { parseMessage, isTransactional, InvalidMessageError, ACCOUNT_TYPES, ORDER_TYPES };
