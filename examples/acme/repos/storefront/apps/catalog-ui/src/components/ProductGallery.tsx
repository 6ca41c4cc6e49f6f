import { useState } from "react";
import type { ProductDetail } from "../api/bff";

export function ProductGallery({ images, title }: { images: ProductDetail["images"]; title: string }) {
  const [active, setActive] = useState(0);
  const current = images[active];

  if (!current) {
    return <div className="gallery gallery--empty" aria-label={`No pictures of ${title} yet`} />;
  }

  return (
    <div className="gallery">
      <img className="gallery__main" src={current.url} alt={current.alt} width={current.width} height={current.height} />
      {images.length > 1 && (
        <ul className="gallery__thumbs">
          {images.map((image, index) => (
            <li key={image.url}>
              <button
                type="button"
                aria-label={`Show picture ${index + 1} of ${images.length}`}
                aria-pressed={index === active}
                onClick={() => setActive(index)}
              >
                <img src={image.url.replace("w=1200", "w=120")} alt="" width={60} height={60} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
