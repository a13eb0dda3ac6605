// Where the card's `hubspot.fetch` goes: the backend's public URL, which must also be listed in
// the app's `permittedUrls.fetch`. A card bundle cannot read the environment when it runs, so
// the bundler defines `process.env.BATON_PUBLIC_URL` at build time; unset, it is the local
// backend of `npm start`.
export const BATON_PUBLIC_URL: string =
  (typeof process !== 'undefined' ? process.env.BATON_PUBLIC_URL : undefined) ??
  'http://localhost:3000';
