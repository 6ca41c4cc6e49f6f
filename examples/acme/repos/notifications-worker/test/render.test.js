'use strict';

const assert = require('node:assert/strict');
const { renderEmail, htmlToText } = require('../lib/email/render');
const { maskEmail } = require('../lib/handlers/account');

const storefrontUrl = 'https://www.acme.example';

describe('renderEmail', () => {
  it('renders a German order confirmation with money formatting', () => {
    const email = renderEmail(
      'order.confirmed',
      {
        locale: 'de-AT',
        firstName: 'Jonas',
        orderNumber: 'A-100412',
        orderUrl: `${storefrontUrl}/account/orders/A-100412`,
        currency: 'EUR',
        lines: [{ name: 'Trail Runner 2', quantity: 1, amountMinor: 12995 }],
        shippingMinor: 495,
        totalMinor: 13490,
      },
      { storefrontUrl },
    );
    assert.equal(email.locale, 'de');
    assert.equal(email.subject, 'Bestellung A-100412 bestätigt');
    assert.match(email.html, /134,90/);
    assert.match(email.text, /Trail Runner 2/);
  });

  it('falls back to English for unknown locales', () => {
    const email = renderEmail('account.created', { locale: 'pt-BR', firstName: 'Ana', shopUrl: storefrontUrl }, { storefrontUrl });
    assert.equal(email.subject, 'Welcome to Acme');
  });

  it('fails loudly on a missing template variable', () => {
    assert.throws(() => renderEmail('account.password_reset_requested', { locale: 'en' }, { storefrontUrl }));
  });
});

describe('htmlToText', () => {
  it('keeps link targets', () => {
    assert.equal(htmlToText('<p>Go <a href="https://x.example/r">here</a></p>'), 'Go here (https://x.example/r)');
  });
});

describe('maskEmail', () => {
  it('keeps the first two characters and the domain', () => {
    assert.equal(maskEmail('jonas.weber@example.org'), 'jo*********@example.org');
    assert.equal(maskEmail('a@example.org'), 'a*@example.org');
  });
});
