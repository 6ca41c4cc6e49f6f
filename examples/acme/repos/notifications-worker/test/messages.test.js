'use strict';

const assert = require('node:assert/strict');
const { parseMessage, InvalidMessageError } = require('../lib/queue/messages');

function sqs(body, receiveCount = '1') {
  return { MessageId: 'm-1', ReceiptHandle: 'rh-1', Body: body, Attributes: { ApproximateReceiveCount: receiveCount } };
}

const envelope = {
  id: 'evt_01J9Z6W3',
  type: 'order.shipped',
  occurredAt: '2025-03-02T10:00:00Z',
  data: { userId: '7d8c2a10-4a8e-4a43-9a3e-0c6a2f1b9e55', orderNumber: 'A-100233' },
};

describe('parseMessage', () => {
  it('reads our envelope from an SNS notification', () => {
    const body = JSON.stringify({ Type: 'Notification', Message: JSON.stringify(envelope) });
    const message = parseMessage(sqs(body, '3'));
    assert.equal(message.type, 'order.shipped');
    assert.equal(message.attempt, 3);
    assert.equal(message.receiptHandle, 'rh-1');
  });

  it('accepts a bare envelope (local testing)', () => {
    assert.equal(parseMessage(sqs(JSON.stringify(envelope))).id, 'evt_01J9Z6W3');
  });

  it('rejects unknown types and broken JSON', () => {
    assert.throws(() => parseMessage(sqs(JSON.stringify({ ...envelope, type: 'order.exploded' }))), InvalidMessageError);
    assert.throws(() => parseMessage(sqs('{not json')), InvalidMessageError);
  });

  it('requires a user id', () => {
    assert.throws(() => parseMessage(sqs(JSON.stringify({ ...envelope, data: {} }))), /userId/);
  });
});
