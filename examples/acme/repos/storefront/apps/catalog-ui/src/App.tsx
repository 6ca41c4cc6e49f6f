import { Route, Routes } from "react-router-dom";
import { EmptyState } from "./components/EmptyState";
import { CategoryPage } from "./pages/CategoryPage";
import { ProductPage } from "./pages/ProductPage";
import { SearchPage } from "./pages/SearchPage";

export function App() {
  return (
    <Routes>
      <Route path="/" element={<SearchPage />} />
      <Route path="/search" element={<SearchPage />} />
      <Route path="/c/:slug" element={<CategoryPage />} />
      <Route path="/p/:handle" element={<ProductPage />} />
      <Route path="*" element={<EmptyState title="Page not found" message="The page you were looking for has moved." />} />
    </Routes>
  );
}
