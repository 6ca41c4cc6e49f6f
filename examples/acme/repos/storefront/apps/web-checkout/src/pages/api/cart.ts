export { default } from "../../server/api/cart";
