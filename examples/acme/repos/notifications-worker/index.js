'use strict';

const config = require('./lib/config').load();
const { logger } = require('./lib/logger');
const { Consumer } = require('./lib/queue/consumer');
const { EmailSender } = require('./lib/email/sender');
const { PreferenceStore } = require('./lib/preferences/store');
const { createHandler } = require('./lib/handlers');

const store = new PreferenceStore({ databaseUrl: config.databaseUrl });
const sender = new EmailSender({
  region: config.region,
  fromAddress: config.fromAddress,
  replyTo: config.replyTo,
  configurationSet: config.sesConfigurationSet,
});

const consumer = new Consumer({
  queueUrl: config.queueUrl,
  deadLetterQueueUrl: config.deadLetterQueueUrl,
  region: config.region,
  concurrency: config.concurrency,
  maxReceiveCount: config.maxReceiveCount,
  handle: createHandler({ store, sender, config }),
});

async function shutdown(signal) {
  logger.info({ signal }, 'shutting down');
  await consumer.stop();
  await store.end();
  process.exit(0);
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('unhandledRejection', (err) => {
  logger.fatal({ err }, 'unhandled rejection');
  process.exit(1);
});

consumer.start();
