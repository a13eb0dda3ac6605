// The control surface for tests and benchmarks, without auth and outside every fault:
// `GET /__sandbox/stats`, `POST /__sandbox/reset`, `GET/POST/DELETE /__sandbox/faults`.
import { type Faults, faultsSchema } from '../faults';
import type { RateLimitConfig } from '../rate-limit';
import type { StatsSnapshot } from '../stats';
import { readBody } from '../validation';
import type { SandboxApp } from './route-kit';

export interface ControlDeps {
  stats: () => StatsSnapshot;
  reset: () => { records: Record<string, number> };
  faults: () => Faults;
  setFaults: (faults: Faults) => void;
  clearFaults: () => void;
  rateLimit: () => RateLimitConfig;
}

export function registerControlRoutes(app: SandboxApp, control: ControlDeps): void {
  const faultsJson = () => ({ faults: control.faults(), rateLimit: control.rateLimit() });

  app.get('/__sandbox/stats', (c) => c.json(control.stats()));

  app.post('/__sandbox/reset', (c) => c.json({ reset: true, ...control.reset() }));

  app.get('/__sandbox/faults', (c) => c.json(faultsJson()));

  app.post('/__sandbox/faults', async (c) => {
    control.setFaults(await readBody(c, faultsSchema));
    return c.json(faultsJson());
  });

  app.delete('/__sandbox/faults', (c) => {
    control.clearFaults();
    return c.json(faultsJson());
  });
}
