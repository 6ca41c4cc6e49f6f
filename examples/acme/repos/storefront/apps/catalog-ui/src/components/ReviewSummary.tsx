import { useEffect, useState } from "react";

interface Summary {
  average: number;
  count: number;
}

export function Stars({ rating }: { rating: number }) {
  const rounded = Math.round(rating * 2) / 2;
  return (
    <span className="stars" role="img" aria-label={`${rounded} out of 5 stars`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= rounded ? "star star--full" : n - 0.5 === rounded ? "star star--half" : "star"} aria-hidden>
          ★
        </span>
      ))}
    </span>
  );
}

export function ReviewSummary({ productId }: { productId: string }) {
  const [summary, setSummary] = useState<Summary | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/products/${encodeURIComponent(productId)}/reviews`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { summary: null }))
      .then((body: { summary: Summary | null }) => setSummary(body.summary))
      .catch(() => setSummary(null));
    return () => controller.abort();
  }, [productId]);

  if (!summary || summary.count === 0) return null;
  return (
    <a href="#reviews" className="review-summary">
      <Stars rating={summary.average} /> {summary.average.toFixed(1)} ({summary.count} reviews)
    </a>
  );
}
