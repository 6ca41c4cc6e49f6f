import { Router } from "express";
import { getProduct } from "../clients/catalog-api";
import { NotFound } from "../errors";
import { toProductDetail } from "../products/map-product";
import { asyncRoute } from "./async-route";
import { marketFrom } from "./market";

export const productsRouter = Router();

const HANDLE = /^[a-z0-9][a-z0-9-]{0,127}$/;

productsRouter.get(
  "/products/:handle",
  asyncRoute(async (req, res) => {
    const handle = req.params.handle ?? "";
    if (!HANDLE.test(handle)) {
      throw new NotFound(`no product "${handle}"`);
    }
    const product = await getProduct(handle, marketFrom(req));
    if (!product) {
      throw new NotFound(`no product "${handle}"`);
    }
    res.set("cache-control", "public, max-age=120");
    res.json(toProductDetail(product));
  }),
);
