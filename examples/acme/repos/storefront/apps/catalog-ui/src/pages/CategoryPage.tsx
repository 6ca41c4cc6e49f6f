import { useEffect, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { type CategoryNode, fetchCategory } from "../api/bff";
import { type CategoryHero as Hero, fetchCategoryHero } from "../api/content";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { CategoryHero } from "../components/CategoryHero";
import { EmptyState } from "../components/EmptyState";
import { SearchPage } from "./SearchPage";

export function CategoryPage() {
  const { slug = "" } = useParams();
  const [category, setCategory] = useState<CategoryNode | null>(null);
  const [missing, setMissing] = useState(false);
  const [hero, setHero] = useState<Hero | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setMissing(false);
    fetchCategory(slug, controller.signal)
      .then(setCategory)
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setMissing(true);
      });
    void fetchCategoryHero(slug).then(setHero);
    return () => controller.abort();
  }, [slug]);

  const fixed = useMemo(() => (category ? { category: category.id } : undefined), [category]);

  if (missing) {
    return <EmptyState title="Category not found" message="This category no longer exists." />;
  }
  if (!category) {
    return <div className="layout" aria-busy />;
  }

  return (
    <>
      <Breadcrumbs items={[{ label: category.name }]} />
      <CategoryHero hero={hero} />
      {category.children.length > 0 && (
        <nav className="subcategories" aria-label="Subcategories">
          {category.children.map((child) => (
            <a key={child.id} href={`/shop/c/${child.slug}`}>
              {child.name}
            </a>
          ))}
        </nav>
      )}
      <SearchPage fixed={fixed} heading={hero?.headline ? undefined : category.name} />
    </>
  );
}
