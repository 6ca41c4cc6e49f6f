import { expect, test } from "@playwright/test";

const product = {
  sku: "MUG-STONE-350",
  productId: "prod_mug_stone",
  name: "Stoneware mug, 350 ml",
  unitPrice: { amountMinor: 1490, currency: "EUR" },
  quantity: 2,
  categoryIds: ["kitchen"],
  weightGrams: 420,
  taxClass: "standard",
};

test.beforeEach(async ({ request }) => {
  const res = await request.post("api/cart", { data: product });
  expect(res.ok()).toBeTruthy();
});

test("shows the basket with totals", async ({ page }) => {
  await page.goto("cart");
  await expect(page.getByRole("heading", { name: /Basket/ })).toBeVisible();
  await expect(page.getByTestId(`line-${product.sku}`)).toContainText("Stoneware mug");
  await expect(page.getByText("Total")).toBeVisible();
});

test("changes the quantity", async ({ page }) => {
  await page.goto("cart");
  const line = page.getByTestId(`line-${product.sku}`);
  await line.getByRole("button", { name: "Increase quantity" }).click();
  await expect(line.locator("output")).toHaveText("3");
});

test("walks through address and delivery", async ({ page }) => {
  await page.goto("checkout");
  await page.getByLabel("Email for your receipt").fill("erika@example.com");
  await page.getByLabel("Full name").fill("Erika Mustermann");
  await page.getByLabel("Street and house number").fill("Heidestraße 17");
  await page.getByLabel("Postal code").fill("51147");
  await page.getByLabel("City").fill("Köln");
  await page.getByRole("button", { name: "Continue to delivery" }).click();

  await expect(page.getByRole("group", { name: "Delivery" })).toBeVisible();
  await page.getByLabel(/Standard delivery/).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("button", { name: /Pay/ })).toBeDisabled();
});

test("shows address errors inline", async ({ page }) => {
  await page.goto("checkout");
  await page.getByLabel("Full name").fill("Erika Mustermann");
  await page.getByLabel("Postal code").fill("123");
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(page.getByText("Please check the format.")).toBeVisible();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
});
