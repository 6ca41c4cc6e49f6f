'use strict';

const assert = require('node:assert/strict');
const sinon = require('sinon');
const { retryWithBackoff } = require('../lib/retry');

describe('retryWithBackoff', () => {
  let clock;

  beforeEach(() => {
    clock = sinon.useFakeTimers();
  });

  afterEach(() => {
    clock.restore();
  });

  it('returns the first successful result', async () => {
    const fn = sinon.stub().resolves('ok');
    assert.equal(await retryWithBackoff(fn), 'ok');
    sinon.assert.calledOnce(fn);
  });

  it('retries with doubling waits', async () => {
    const fn = sinon.stub();
    fn.onCall(0).rejects(new Error('Throttling'));
    fn.onCall(1).rejects(new Error('Throttling'));
    fn.onCall(2).resolves('sent');
    const result = retryWithBackoff(fn, { minTimeout: 100 });
    await clock.tickAsync(100);
    sinon.assert.calledTwice(fn);
    await clock.tickAsync(200);
    assert.equal(await result, 'sent');
  });

  it('never waits longer than maxTimeout', async () => {
    const fn = sinon.stub().rejects(new Error('down'));
    const result = retryWithBackoff(fn, { retries: 10, minTimeout: 1000, maxTimeout: 5000 }).catch((err) => err);
    // 1 + 2 + 4 + 5 * 7 seconds
    await clock.tickAsync(42000);
    assert.equal((await result).message, 'down');
    sinon.assert.callCount(fn, 11);
  });

  it('stops when shouldRetry says no', async () => {
    const rejected = Object.assign(new Error('bad address'), { name: 'MessageRejected' });
    const fn = sinon.stub().rejects(rejected);
    await assert.rejects(
      retryWithBackoff(fn, { shouldRetry: (err) => err.name !== 'MessageRejected' }),
      /bad address/,
    );
    sinon.assert.calledOnce(fn);
  });
});
