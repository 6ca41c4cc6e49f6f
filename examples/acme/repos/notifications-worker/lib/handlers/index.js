'use strict';

const { renderEmail } = require('../email/render');
const { decide } = require('../preferences/policy');
const { accountContext } = require('./account');
const { orderContext } = require('./orders');

class DeferError extends Error {
  constructor(reason) {
    super(`deferred: ${reason}`);
    this.name = 'DeferError';
  }
}

function createHandler({ store, sender, config }) {
  return async function handle(message, log) {
    if (await store.alreadySent(message.id)) {
      log.info('already sent, skipping duplicate');
      return;
    }

    const prefs = await store.forUser(message.data.userId);
    const decision = decide(message.type, prefs, { quietHours: config.quietHours });
    if (decision.action === 'drop') {
      log.info({ reason: decision.reason }, 'not sending');
      return;
    }
    if (decision.action === 'defer') {
      throw new DeferError(decision.reason);
    }

    const context = message.type.startsWith('account.')
      ? accountContext(message, prefs, config.storefrontUrl)
      : orderContext(message, prefs, config.storefrontUrl);

    const email = renderEmail(message.type, { ...context, locale: prefs.locale }, { storefrontUrl: config.storefrontUrl });
    const sesMessageId = await sender.send({
      to: context.recipient || prefs.email,
      subject: email.subject,
      html: email.html,
      text: email.text,
      tags: { template: email.templateName, locale: email.locale },
    });
    await store.recordSent({ messageId: message.id, userId: message.data.userId, type: message.type, sesMessageId });
    log.info({ sesMessageId, template: email.templateName }, 'email sent');
  };
}

module.exports = { createHandler, DeferError };
