export { bracketUnits } from "./bracket-units.js";
export { type JsTokens, lexJs, TokenKind } from "./js-lexer.js";
