import type { AppProps } from "next/app";
import Head from "next/head";
import "../styles/checkout.css";

export default function CheckoutApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/checkout/favicon.ico" />
        <title>Checkout · Acme</title>
      </Head>
      <Component {...pageProps} />
    </>
  );
}
