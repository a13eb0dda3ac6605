// The pages a person sees at the end of an install: a small static HTML document, every value
// escaped, nothing loaded from elsewhere. They say what happened and what to do next in words
// for a HubSpot admin; why it failed in detail is for the log.

export interface InstalledPage {
  portalId: string;
  hubDomain: string | null;
  /** False when the portal's setup could not be queued (it was logged). */
  setupStarted: boolean;
  returnTo?: string;
}

export interface FailurePage {
  heading: string;
  message: string;
  /** Offer to start the install over (a fresh state and code). */
  retry: boolean;
}

/** What every page is sent with: no caching, no referrer (the URL held a code), no scripts. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function installedPage(page: InstalledPage): string {
  const where = page.hubDomain ?? `HubSpot account ${page.portalId}`;
  const setup = page.setupStarted
    ? 'Baton is now adding its handoff object and properties to your account; this takes a minute or two.'
    : 'Baton could not start setting up your account just now (it was logged). Install again from the same link to retry.';
  return document(
    'Baton is installed',
    `<h1>Baton is installed in ${escapeHtml(where)}</h1>
<p>${escapeHtml(setup)}</p>
<h2>Next steps</h2>
<ol>
<li>When a deal reaches a closed-won stage, Baton opens its handoff to Customer Success and asks the deal owner to fill it in.</li>
<li>Open a closed-won deal: the Baton handoff card shows the completeness score and what is still missing.</li>
<li>To start a handoff from your own automation, add the “Start Baton handoff” action to a deal workflow.</li>
</ol>
${page.returnTo ? `<p><a href="${escapeHtml(page.returnTo)}">Back to HubSpot</a></p>` : ''}`,
  );
}

export function failurePage(page: FailurePage): string {
  return document(
    page.heading,
    `<h1>${escapeHtml(page.heading)}</h1>
<p>${escapeHtml(page.message)}</p>
${page.retry ? '<p><a href="install">Start the install again</a></p>' : ''}`,
  );
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#213343}h1{font-size:1.5rem}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
