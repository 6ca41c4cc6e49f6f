'use strict';

const {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  ChangeMessageVisibilityCommand,
  SendMessageCommand,
} = require('@aws-sdk/client-sqs');
const { logger } = require('../logger');
const { parseMessage, InvalidMessageError } = require('./messages');

const WAIT_SECONDS = 20;
const VISIBILITY_SECONDS = 60;

class Consumer {
  constructor({ queueUrl, deadLetterQueueUrl, region, concurrency, maxReceiveCount, handle, client }) {
    this.queueUrl = queueUrl;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
    this.concurrency = concurrency;
    this.maxReceiveCount = maxReceiveCount;
    this.handle = handle;
    this.sqs = client || new SQSClient({ region });
    this.running = false;
    this.inFlight = new Set();
  }

  start() {
    this.running = true;
    logger.info({ queueUrl: this.queueUrl, concurrency: this.concurrency }, 'consumer started');
    this.loop = this.poll();
    return this.loop;
  }

  async stop() {
    this.running = false;
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    logger.info('consumer stopped');
  }

  async poll() {
    while (this.running) {
      const free = this.concurrency - this.inFlight.size;
      if (free <= 0) {
        await Promise.race(this.inFlight);
        continue;
      }
      let response;
      try {
        response = await this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.queueUrl,
            MaxNumberOfMessages: Math.min(10, free),
            WaitTimeSeconds: WAIT_SECONDS,
            VisibilityTimeout: VISIBILITY_SECONDS,
            AttributeNames: ['ApproximateReceiveCount'],
          }),
        );
      } catch (err) {
        logger.error({ err }, 'receive failed');
        await new Promise((resolve) => setTimeout(resolve, 5000));
        continue;
      }
      for (const raw of response.Messages || []) {
        const task = this.process(raw).finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
      }
    }
  }

  async process(raw) {
    let message;
    try {
      message = parseMessage(raw);
    } catch (err) {
      if (err instanceof InvalidMessageError) {
        logger.warn({ err, messageId: raw.MessageId }, 'dropping invalid message');
        await this.deadLetter(raw, err.message);
        return this.delete(raw.ReceiptHandle);
      }
      throw err;
    }

    const log = logger.child({ messageId: message.id, type: message.type });
    try {
      await this.handle(message, log);
      await this.delete(message.receiptHandle);
    } catch (err) {
      if (message.attempt >= this.maxReceiveCount) {
        log.error({ err, message }, 'giving up on message');
        await this.deadLetter(raw, err.message);
        return this.delete(message.receiptHandle);
      }
      // Let it come back later; SQS redelivers after the visibility timeout.
      const delay = Math.min(900, 30 * Math.pow(2, message.attempt - 1));
      log.warn({ err, message, retryInSeconds: delay }, 'handler failed, will retry');
      await this.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.queueUrl,
          ReceiptHandle: message.receiptHandle,
          VisibilityTimeout: delay,
        }),
      );
    }
  }

  delete(receiptHandle) {
    return this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle }));
  }

  async deadLetter(raw, reason) {
    if (!this.deadLetterQueueUrl) return;
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.deadLetterQueueUrl,
        MessageBody: raw.Body,
        MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 256) } },
      }),
    );
  }
}

module.exports = { Consumer };
