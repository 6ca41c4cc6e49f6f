import { expect, test } from "@playwright/test";

test.beforeEach(async ({ request }) => {
  await request.post("api/cart", {
    data: {
      sku: "TOWEL-SET-GREY",
      productId: "prod_towel_set",
      name: "Towel set, grey",
      unitPrice: { amountMinor: 3900, currency: "EUR" },
      quantity: 2,
      categoryIds: ["bathroom"],
      weightGrams: 1200,
      taxClass: "standard",
    },
  });
});

test("applies a valid promo code", async ({ page }) => {
  await page.goto("cart");
  await page.getByRole("button", { name: "Have a promo code?" }).click();
  await page.getByLabel("Promo code").fill("welcome10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toContainText("WELCOME10 applied");
});

test("explains why a code was refused", async ({ page }) => {
  await page.goto("cart");
  await page.getByRole("button", { name: "Have a promo code?" }).click();
  await page.getByLabel("Promo code").fill("SUMMER2023");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toContainText("expired");
});
