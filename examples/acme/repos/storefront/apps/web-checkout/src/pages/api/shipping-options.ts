export { default } from "../../server/api/shipping-options";
