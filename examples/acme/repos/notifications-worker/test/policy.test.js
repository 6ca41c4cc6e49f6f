'use strict';

const assert = require('node:assert/strict');
const { decide, inQuietHours } = require('../lib/preferences/policy');
const { DEFAULT_PREFERENCES } = require('../lib/preferences/store');

const prefs = { ...DEFAULT_PREFERENCES, email: 'mia@example.org', firstName: 'Mia', emailVerified: true };
const quietHours = { start: 21, end: 8 };

describe('decide', () => {
  it('drops messages for unknown users', () => {
    assert.deepEqual(decide('order.confirmed', null, { quietHours }), { action: 'drop', reason: 'unknown_user' });
  });

  it('always sends security mails', () => {
    const suppressed = { ...prefs, suppressed: true, emailVerified: false };
    assert.equal(decide('account.password_reset_requested', suppressed, { quietHours }).action, 'send');
  });

  it('respects opt-outs', () => {
    const noShipping = { ...prefs, shippingUpdates: false };
    assert.equal(decide('order.shipped', noShipping, { quietHours }).reason, 'opted_out');
    assert.equal(decide('order.confirmed', noShipping, { quietHours }).action, 'send');
  });

  it('defers delivery confirmations during quiet hours in the user timezone', () => {
    const lateInBerlin = new Date('2025-06-12T21:30:00Z'); // 23:30 in Berlin
    assert.equal(decide('order.delivered', prefs, { now: lateInBerlin, quietHours }).action, 'defer');
    const london = { ...prefs, timezone: 'Europe/London' };
    const morning = new Date('2025-06-12T07:30:00Z'); // 08:30 in London
    assert.equal(decide('order.delivered', london, { now: morning, quietHours }).action, 'send');
  });
});

describe('inQuietHours', () => {
  it('handles windows across midnight', () => {
    assert.equal(inQuietHours(23, quietHours), true);
    assert.equal(inQuietHours(3, quietHours), true);
    assert.equal(inQuietHours(8, quietHours), false);
    assert.equal(inQuietHours(14, { start: 13, end: 15 }), true);
  });
});
