module.exports = {
  root: true,
  env: { node: true, es2022: true, mocha: true },
  parserOptions: { ecmaVersion: 2022, sourceType: "script" },
  extends: ["eslint:recommended"],
  rules: {
    strict: ["error", "global"],
    "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    "prefer-const": "error",
  },
};
