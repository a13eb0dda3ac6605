// `GET/POST/DELETE /__sandbox/webhooks`: where the sandbox sends HubSpot-style webhooks, and
// what became of them. POST takes the settings of `createSandbox({ webhooks })` and replaces
// the current ones; DELETE clears the target. Every answer is the status: the settings without
// the client secret, the pending count, the counters and the recent attempts.
import type { SandboxWebhooks } from '../webhooks/webhook-dispatcher';
import { webhookSettingsSchema } from '../webhooks/webhook-settings';
import { readBody } from '../validation';
import type { SandboxApp } from './route-kit';

export function registerWebhookRoutes(app: SandboxApp, webhooks: SandboxWebhooks): void {
  app.get('/__sandbox/webhooks', (c) => c.json(webhooks.status()));

  app.post('/__sandbox/webhooks', async (c) => {
    webhooks.configure(await readBody(c, webhookSettingsSchema));
    return c.json(webhooks.status());
  });

  app.delete('/__sandbox/webhooks', (c) => {
    webhooks.clear();
    return c.json(webhooks.status());
  });
}
