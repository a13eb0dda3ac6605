// What the preview bundle defines for the card code it includes: public-url.ts asks whether
// `process` exists (it does not in a browser) before reading BATON_PUBLIC_URL.
declare const process: { env: Record<string, string | undefined> } | undefined;
