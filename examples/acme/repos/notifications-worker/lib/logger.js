'use strict';

const bunyan = require('bunyan');

// Message bodies carry email addresses and reset tokens: log the envelope only.
function messageSerializer(msg) {
  if (!msg || typeof msg !== 'object') return msg;
  return {
    id: msg.id,
    type: msg.type,
    attempt: msg.attempt,
    receivedAt: msg.receivedAt,
  };
}

function createLogger(name, options = {}) {
  return bunyan.createLogger({
    name,
    level: process.env.LOG_LEVEL || 'info',
    serializers: {
      err: bunyan.stdSerializers.err,
      message: messageSerializer,
    },
    ...options,
  });
}

const logger = createLogger('notifications-worker');

module.exports = { logger, createLogger };
