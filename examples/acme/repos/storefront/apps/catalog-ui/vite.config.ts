import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "/shop/",
  server: {
    port: 3002,
    proxy: {
      "/api": { target: process.env.CATALOG_BFF_URL ?? "http://localhost:4002", changeOrigin: true },
    },
  },
  build: {
    sourcemap: true,
    target: "es2020",
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
