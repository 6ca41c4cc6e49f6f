import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./users/password.js";

const email = { type: "string", format: "email", maxLength: 254 } as const;
const password = { type: "string", minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH } as const;
const name = { type: "string", minLength: 1, maxLength: 80 } as const;

export const signupBody = {
  type: "object",
  required: ["email", "password", "acceptedTerms"],
  additionalProperties: false,
  properties: {
    email,
    password,
    givenName: name,
    marketingOptIn: { type: "boolean", default: false },
    acceptedTerms: { type: "boolean", const: true },
  },
} as const;

export const loginBody = {
  type: "object",
  required: ["email", "password"],
  additionalProperties: false,
  properties: { email, password: { type: "string", minLength: 1, maxLength: MAX_PASSWORD_LENGTH } },
} as const;

export const resetRequestBody = {
  type: "object",
  required: ["email"],
  additionalProperties: false,
  properties: { email },
} as const;

export const resetCompleteBody = {
  type: "object",
  required: ["token", "password"],
  additionalProperties: false,
  properties: { token: { type: "string", minLength: 43, maxLength: 43 }, password },
} as const;

export const profileUpdateBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    givenName: { anyOf: [name, { type: "null" }] },
    familyName: { anyOf: [name, { type: "null" }] },
    marketingOptIn: { type: "boolean" },
  },
} as const;

export const changeEmailBody = {
  type: "object",
  required: ["email", "currentPassword"],
  additionalProperties: false,
  properties: { email, currentPassword: { type: "string", minLength: 1, maxLength: MAX_PASSWORD_LENGTH } },
} as const;

export const changePasswordBody = {
  type: "object",
  required: ["currentPassword", "newPassword"],
  additionalProperties: false,
  properties: { currentPassword: { type: "string", minLength: 1, maxLength: MAX_PASSWORD_LENGTH }, newPassword: password },
} as const;
