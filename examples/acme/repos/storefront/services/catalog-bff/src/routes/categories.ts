import { Router } from "express";
import { TtlCache } from "../cache/ttl-cache";
import { type ApiCategory, getCategories } from "../clients/catalog-api";
import { config } from "../config";
import { NotFound } from "../errors";
import { asyncRoute } from "./async-route";

export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  productCount: number;
  children: CategoryNode[];
}

export function buildTree(categories: ApiCategory[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const c of categories) {
    nodes.set(c.id, { id: c.id, name: c.name, slug: c.slug, productCount: c.productCount, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id) as CategoryNode;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: CategoryNode, b: CategoryNode) => a.name.localeCompare(b.name);
  const sortDeep = (list: CategoryNode[]): CategoryNode[] =>
    list.sort(byName).map((n) => ({ ...n, children: sortDeep(n.children) }));
  // empty categories are hidden from navigation
  const prune = (list: CategoryNode[]): CategoryNode[] =>
    list.filter((n) => n.productCount > 0).map((n) => ({ ...n, children: prune(n.children) }));
  return prune(sortDeep(roots));
}

function findBySlug(nodes: CategoryNode[], slug: string): CategoryNode | undefined {
  for (const node of nodes) {
    if (node.slug === slug) return node;
    const found = findBySlug(node.children, slug);
    if (found) return found;
  }
  return undefined;
}

const treeCache = new TtlCache<"tree", CategoryNode[]>(config.categoryTreeTtlMs, 1);

async function tree(): Promise<CategoryNode[]> {
  return treeCache.getOrLoad("tree", async () => buildTree(await getCategories()));
}

export const categoriesRouter = Router();

categoriesRouter.get(
  "/categories",
  asyncRoute(async (_req, res) => {
    res.set("cache-control", "public, max-age=300");
    res.json({ categories: await tree() });
  }),
);

categoriesRouter.get(
  "/categories/:slug",
  asyncRoute(async (req, res) => {
    const node = findBySlug(await tree(), req.params.slug ?? "");
    if (!node) throw new NotFound(`no category "${req.params.slug}"`);
    res.json(node);
  }),
);
