import type { CategoryHeroQuery, CategoryHeroQueryVariables } from "../generated/graphql";

const CMS_URL = import.meta.env.VITE_CMS_URL ?? "https://cms.acme.example/graphql";
const CMS_TOKEN = import.meta.env.VITE_CMS_TOKEN ?? "";

export const CATEGORY_HERO = /* GraphQL */ `
  query CategoryHero($slug: String!, $locale: String!) {
    categoryPageCollection(where: { slug: $slug }, locale: $locale, limit: 1) {
      items {
        __typename
        slug
        headline
        intro
        heroImage {
          __typename
          url
          description
          width
          height
        }
        promoTilesCollection(limit: 3) {
          items {
            __typename
            title
            linkUrl
            image {
              __typename
              url
              description
              width
              height
            }
          }
        }
      }
    }
  }
`;

export type CategoryHero = NonNullable<CategoryHeroQuery["categoryPageCollection"]>["items"][number];

/** Banners are decoration: when the CMS is slow or down the category page renders without them. */
export async function fetchCategoryHero(slug: string, locale = "en-GB"): Promise<CategoryHero | null> {
  const variables: CategoryHeroQueryVariables = { slug, locale };
  try {
    const res = await fetch(CMS_URL, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${CMS_TOKEN}` },
      body: JSON.stringify({ query: CATEGORY_HERO, variables }),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { data?: CategoryHeroQuery };
    return body.data?.categoryPageCollection?.items[0] ?? null;
  } catch {
    return null;
  }
}
