export { default } from "../../server/api/checkout";
