export { default } from "../../server/api/summary";
