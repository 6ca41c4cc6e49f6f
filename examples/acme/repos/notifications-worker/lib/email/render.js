'use strict';

const { getTemplate, getStrings, resolveLocale } = require('../templates/registry');

const TEMPLATE_FOR_TYPE = {
  'account.created': 'welcome',
  'account.password_reset_requested': 'password-reset',
  'account.email_changed': 'email-changed',
  'order.confirmed': 'order-confirmed',
  'order.shipped': 'order-shipped',
  'order.delivered': 'order-delivered',
};

function htmlToText(html) {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h1|h2|tr|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Renders the email for a message: subject from the locale file, HTML body from the template
 * inside the shared layout, and a plain-text part derived from the HTML.
 */
function renderEmail(type, context, options = {}) {
  const templateName = TEMPLATE_FOR_TYPE[type];
  if (!templateName) throw new Error(`no email for message type ${type}`);

  const locale = resolveLocale(context.locale);
  const strings = getStrings(locale);
  const data = { ...context, locale, strings, storefrontUrl: options.storefrontUrl };

  const subjectTemplate = strings[`subject.${templateName}`];
  if (!subjectTemplate) throw new Error(`no subject for ${templateName} in ${locale}`);
  const subject = subjectTemplate.replace(/\{(\w+)\}/g, (_, key) => (data[key] === undefined ? '' : String(data[key])));

  const body = getTemplate(templateName)(data);
  const html = getTemplate('layout')({ ...data, body, subject });
  return { subject, html, text: htmlToText(body), templateName, locale };
}

module.exports = { renderEmail, htmlToText, TEMPLATE_FOR_TYPE };
