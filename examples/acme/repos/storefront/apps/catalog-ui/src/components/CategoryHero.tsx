import type { CategoryHero as Hero } from "../api/content";

export function CategoryHero({ hero }: { hero: Hero | null }) {
  if (!hero) return null;
  const tiles = hero.promoTilesCollection?.items.filter((tile) => tile !== null) ?? [];
  return (
    <header className="category-hero">
      {hero.heroImage?.url && (
        <img src={`${hero.heroImage.url}?w=1600&fm=webp`} alt={hero.heroImage.description ?? ""} width={1600} height={500} />
      )}
      <h1>{hero.headline}</h1>
      {hero.intro && <p>{hero.intro}</p>}
      {tiles.length > 0 && (
        <ul className="category-hero__tiles">
          {tiles.map((tile) => (
            <li key={tile?.linkUrl ?? tile?.title}>
              <a href={tile?.linkUrl ?? "#"}>{tile?.title}</a>
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
