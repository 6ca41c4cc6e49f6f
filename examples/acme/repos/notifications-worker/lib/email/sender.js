'use strict';

const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');
const { retryWithBackoff } = require('../retry');

// SES errors that won't get better by waiting.
const PERMANENT = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'BadRequestException']);

class EmailSender {
  constructor({ region, fromAddress, replyTo, configurationSet, client }) {
    this.ses = client || new SESv2Client({ region });
    this.fromAddress = fromAddress;
    this.replyTo = replyTo;
    this.configurationSet = configurationSet;
  }

  async send({ to, subject, html, text, tags = {} }) {
    const command = new SendEmailCommand({
      FromEmailAddress: this.fromAddress,
      ReplyToAddresses: [this.replyTo],
      Destination: { ToAddresses: [to] },
      ConfigurationSetName: this.configurationSet,
      EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value: String(Value).replace(/[^\w-]/g, '_') })),
      Content: {
        Simple: {
          Subject: { Data: subject, Charset: 'UTF-8' },
          Body: {
            Html: { Data: html, Charset: 'UTF-8' },
            Text: { Data: text, Charset: 'UTF-8' },
          },
        },
      },
    });

    const result = await retryWithBackoff(() => this.ses.send(command), {
      name: 'ses.sendEmail',
      shouldRetry: (err) => !PERMANENT.has(err.name),
    });
    return result.MessageId;
  }
}

module.exports = { EmailSender };
