import { Router } from "express";
import { getReviews, getReviewSummary } from "../clients/reviews-api";
import { BadRequest } from "../errors";
import { asyncRoute } from "./async-route";

export const reviewsRouter = Router();

reviewsRouter.get(
  "/products/:id/reviews",
  asyncRoute(async (req, res) => {
    const productId = req.params.id ?? "";
    const page = Number.parseInt(typeof req.query.page === "string" ? req.query.page : "1", 10);
    if (!Number.isInteger(page) || page < 1 || page > 100) {
      throw new BadRequest("page must be between 1 and 100");
    }
    // reviews are nice to have: an unavailable reviews service must not break the product page
    const [summary, reviews] = await Promise.all([
      getReviewSummary(productId).catch(() => null),
      getReviews(productId, page).catch(() => []),
    ]);
    res.set("cache-control", "public, max-age=600");
    res.json({ summary, reviews, page });
  }),
);
