'use strict';

const fs = require('fs');
const path = require('path');
const Handlebars = require('handlebars');

const TEMPLATE_DIR = path.join(__dirname, '..', '..', 'templates');
const LOCALE_DIR = path.join(__dirname, '..', '..', 'locales');
const DEFAULT_LOCALE = 'en';

const hb = Handlebars.create();

hb.registerHelper('money', (amountMinor, currency, locale) =>
  new Intl.NumberFormat(typeof locale === 'string' ? locale : 'en-GB', { style: 'currency', currency }).format(
    amountMinor / 100,
  ),
);

hb.registerHelper('date', (value, locale) =>
  new Intl.DateTimeFormat(typeof locale === 'string' ? locale : 'en-GB', { dateStyle: 'long' }).format(new Date(value)),
);

hb.registerHelper('t', function translate(key, options) {
  const strings = options.data.root.strings || {};
  const template = strings[key] || key;
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = options.hash[name] !== undefined ? options.hash[name] : options.data.root[name];
    return value === undefined ? '' : hb.escapeExpression(value);
  });
});

function loadLocales() {
  const locales = {};
  for (const file of fs.readdirSync(LOCALE_DIR)) {
    if (!file.endsWith('.json')) continue;
    locales[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(LOCALE_DIR, file), 'utf8'));
  }
  return locales;
}

function loadTemplates() {
  const partialDir = path.join(TEMPLATE_DIR, 'partials');
  for (const file of fs.readdirSync(partialDir)) {
    hb.registerPartial(path.basename(file, '.hbs'), fs.readFileSync(path.join(partialDir, file), 'utf8'));
  }
  const templates = {};
  for (const file of fs.readdirSync(TEMPLATE_DIR)) {
    if (!file.endsWith('.hbs')) continue;
    templates[path.basename(file, '.hbs')] = hb.compile(fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8'), {
      strict: true,
    });
  }
  return templates;
}

const templates = loadTemplates();
const locales = loadLocales();

function resolveLocale(requested) {
  if (requested && locales[requested]) return requested;
  const language = requested ? requested.split('-')[0] : null;
  return language && locales[language] ? language : DEFAULT_LOCALE;
}

function getTemplate(name) {
  const template = templates[name];
  if (!template) throw new Error(`no template named ${name}`);
  return template;
}

function getStrings(locale) {
  return { ...locales[DEFAULT_LOCALE], ...locales[resolveLocale(locale)] };
}

module.exports = { getTemplate, getStrings, resolveLocale };
