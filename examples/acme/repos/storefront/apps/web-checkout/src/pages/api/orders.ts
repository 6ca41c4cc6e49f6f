export { default } from "../../server/api/orders";
