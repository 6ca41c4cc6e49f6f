import { retry } from "@acme/platform-kit";
import { config } from "../config";
import { createHttpClient } from "./http-client";

const reviewsHttp = createHttpClient(config.reviewsApiBase, "reviews-api");

export interface ReviewSummary {
  productId: string;
  average: number;
  count: number;
  distribution: Record<"1" | "2" | "3" | "4" | "5", number>;
}

export interface Review {
  id: string;
  rating: number;
  title: string;
  body: string;
  author: string;
  verifiedPurchase: boolean;
  createdAt: string;
}

export async function getReviewSummary(productId: string): Promise<ReviewSummary | null> {
  const res = await retry(() =>
    reviewsHttp.get<ReviewSummary>(`/v1/products/${encodeURIComponent(productId)}/summary`, {
      validateStatus: (status) => status < 400 || status === 404,
    }),
  );
  return res.status === 404 ? null : res.data;
}

export async function getReviews(productId: string, page: number, pageSize = 10): Promise<Review[]> {
  const res = await retry(
    () =>
      reviewsHttp.get<{ reviews: Review[] }>(`/v1/products/${encodeURIComponent(productId)}/reviews`, {
        params: { page, page_size: pageSize, sort: "helpful" },
      }),
    { attempts: 2 },
  );
  return res.data.reviews;
}
