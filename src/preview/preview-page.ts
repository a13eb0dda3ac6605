// The preview's one HTML page: the bundle renders everything into #root.
export function previewPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Baton · local preview</title>
    <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23ff7a59'/%3E%3Cpath d='M9 22 23 8' stroke='white' stroke-width='4' stroke-linecap='round'/%3E%3C/svg%3E" />
    <link rel="stylesheet" href="/preview/assets/app.css" />
  </head>
  <body>
    <div id="root"><p class="bt-boot">Loading the Baton preview…</p></div>
    <script src="/preview/assets/app.js"></script>
  </body>
</html>
`;
}
