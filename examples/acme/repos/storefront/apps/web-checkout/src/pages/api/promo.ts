export { default } from "../../server/api/promo";
