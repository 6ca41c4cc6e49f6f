'use strict';

function accountContext(message, prefs, storefrontUrl) {
  const { data } = message;
  switch (message.type) {
    case 'account.created':
      return { firstName: prefs.firstName, shopUrl: storefrontUrl };
    case 'account.password_reset_requested':
      return {
        firstName: prefs.firstName,
        resetUrl: `${storefrontUrl}/account/reset-password?token=${encodeURIComponent(data.token)}`,
        expiresInMinutes: data.expiresInMinutes || 30,
      };
    case 'account.email_changed':
      // Goes to the OLD address, so the owner notices if it wasn't them.
      return {
        firstName: prefs.firstName,
        newEmailMasked: maskEmail(data.newEmail),
        recipient: data.previousEmail,
        supportUrl: `${storefrontUrl}/help/account-security`,
      };
    default:
      throw new Error(`not an account message: ${message.type}`);
  }
}

function maskEmail(email) {
  if (!email || !email.includes('@')) return '';
  const [local, domain] = email.split('@');
  const visible = local.slice(0, Math.min(2, local.length));
  return `${visible}${'*'.repeat(Math.max(1, local.length - visible.length))}@${domain}`;
}

module.exports = { accountContext, maskEmail };
