'use strict';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

function intFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (Number.isNaN(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

function load() {
  return {
    region: process.env.AWS_REGION || 'eu-west-1',
    queueUrl: required('NOTIFICATIONS_QUEUE_URL'),
    deadLetterQueueUrl: process.env.NOTIFICATIONS_DLQ_URL || null,
    databaseUrl: required('DATABASE_URL'),
    fromAddress: process.env.MAIL_FROM || 'Acme <no-reply@mail.acme.example>',
    replyTo: process.env.MAIL_REPLY_TO || 'help@acme.example',
    sesConfigurationSet: process.env.SES_CONFIGURATION_SET || 'transactional',
    storefrontUrl: process.env.STOREFRONT_URL || 'https://www.acme.example',
    concurrency: intFrom('WORKER_CONCURRENCY', 5),
    maxReceiveCount: intFrom('MAX_RECEIVE_COUNT', 5),
    quietHours: {
      start: intFrom('QUIET_HOURS_START', 21),
      end: intFrom('QUIET_HOURS_END', 8),
    },
  };
}

module.exports = { load };
