export { default } from "../../server/api/address";
