export { default } from "../../server/api/gift-cards";
