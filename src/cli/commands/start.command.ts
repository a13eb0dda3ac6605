// `baton start` (what `npm start` runs). Until the sandbox CRM and the backend land it shows
// the protocol at work on the bundled examples, and says how to go further with the CLI.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Policy, STATE_LABELS, analyzeHandoff, toIso } from '../../core';
import { expandInputs } from '../cli-io';
import { loadDocument } from '../inputs';
import { renderTable } from '../table';

/** The package root, found from this module whether it runs bundled (dist/) or from source. */
function packageRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const EXAMPLES_DIR = join(packageRoot(), 'examples');

export async function startText(
  policy: Policy,
  now: number,
  examplesDir = EXAMPLES_DIR,
): Promise<string> {
  const files = await expandInputs([examplesDir]);
  const rows = [];
  for (const file of files) {
    const doc = await loadDocument(file);
    rows.push({
      file: file.slice(examplesDir.length + 1),
      doc,
      analysis: analyzeHandoff(doc, policy, now),
    });
  }
  return [
    `Baton: the handoff protocol, evaluated at ${toIso(now)} on the examples in ${examplesDir}`,
    '',
    renderTable(rows, [
      { header: 'Example', value: (r) => r.file },
      { header: 'Type', value: (r) => r.doc.handoffType },
      { header: 'State', value: (r) => STATE_LABELS[r.analysis.state] },
      { header: 'Completeness', align: 'right', value: (r) => `${r.analysis.completeness.score}%` },
      { header: 'Quality', align: 'right', value: (r) => String(r.analysis.quality.total) },
      { header: 'Band', value: (r) => r.analysis.quality.band },
      { header: 'SLA', value: (r) => r.analysis.slaState.replace('_', ' ') },
      { header: 'Owner now', value: (r) => r.analysis.ownership.owner },
    ]).trimEnd(),
    '',
    'Try:',
    '  npx baton score examples/thin.json          what is missing, and the quality breakdown',
    '  npx baton sla examples/late.json            every SLA clock and the escalations due',
    '  npx baton intro-email examples/complete.json --ae "Your Name" --csm "CSM Name"',
    '  npx baton report examples --by type',
    '',
    'The sandbox CRM, the backend and the card preview are not part of this build yet (see README.md).',
    '',
  ].join('\n');
}
