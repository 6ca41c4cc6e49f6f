'use strict';

const { logger } = require('./logger');

const DEFAULTS = {
  retries: 6,
  minTimeout: 1000,
  maxTimeout: 30000,
  factor: 2,
};

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls fn until it resolves or `retries` retries have failed. The wait doubles from minTimeout and
 * never exceeds maxTimeout. `shouldRetry(err)` can stop early for errors that won't go away
 * (bad address, template bug).
 */
async function retryWithBackoff(fn, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const shouldRetry = opts.shouldRetry || (() => true);

  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= opts.retries || !shouldRetry(err)) {
        throw err;
      }
      const wait = Math.min(opts.maxTimeout, opts.minTimeout * Math.pow(opts.factor, attempt));
      logger.warn({ err, attempt: attempt + 1, wait, op: opts.name }, 'retrying after failure');
      await sleep(wait);
    }
  }
}

module.exports = { retryWithBackoff, DEFAULTS };
