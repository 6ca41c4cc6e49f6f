/*!
 * iban-lite v1.4.2
 * Minimal IBAN validation and formatting (ISO 13616), no dependencies.
 * Copyright (c) 2017-2022 Laurent Verbeke
 * Released under the MIT License.
 */
(function (root, factory) {
  if (typeof define === "function" && define.amd) {
    define([], factory);
  } else if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.ibanLite = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Total IBAN length per country (SEPA countries and a few others).
  var LENGTHS = {
    AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
    ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26,
    IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28,
    PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27
  };

  function electronicFormat(iban) {
    return String(iban).replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  }

  function printFormat(iban, separator) {
    if (separator === undefined) separator = " ";
    return electronicFormat(iban).replace(/(.{4})(?=.)/g, "$1" + separator);
  }

  function mod97(digits) {
    var remainder = 0;
    for (var i = 0; i < digits.length; i += 7) {
      remainder = parseInt(String(remainder) + digits.substring(i, i + 7), 10) % 97;
    }
    return remainder;
  }

  function toDigits(iban) {
    var rearranged = iban.slice(4) + iban.slice(0, 4);
    var out = "";
    for (var i = 0; i < rearranged.length; i++) {
      var code = rearranged.charCodeAt(i);
      out += code >= 65 && code <= 90 ? String(code - 55) : rearranged.charAt(i);
    }
    return out;
  }

  function isValid(iban) {
    var value = electronicFormat(iban);
    var country = value.slice(0, 2);
    if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(value)) return false;
    if (LENGTHS[country] !== undefined && LENGTHS[country] !== value.length) return false;
    return mod97(toDigits(value)) === 1;
  }

  function countryOf(iban) {
    return electronicFormat(iban).slice(0, 2);
  }

  return {
    isValid: isValid,
    electronicFormat: electronicFormat,
    printFormat: printFormat,
    countryOf: countryOf,
    version: "1.4.2"
  };
});
