// The `baton` command line: the protocol core for people (tables) and machines (--json).
import { Command, CommanderError, Option } from 'commander';
import {
  HANDOFF_TYPES,
  type HandoffDocument,
  type Policy,
  REPORT_DIMENSIONS,
  scoreCompleteness,
} from '../core';
import { CliError, type CliIo, processIo } from './cli-io';
import { loadDocument, loadPolicy, parseNow, printJson } from './inputs';
import { introEmail, introEmailText } from './commands/intro-email.command';
import {
  loadDocuments,
  loadRoster,
  parseDimension,
  parsePeriod,
  reportText,
  runReport,
} from './commands/report.command';
import { scoreJson, scoreText } from './commands/score.command';
import { slaJson, slaText } from './commands/sla.command';
import { startLocal } from './commands/start.command';
import { openBrowser } from './open-browser';
import { runBackfill } from '../functions/backfill';
import { registerSandboxCommand } from './commands/sandbox.command';
import { registerServeCommand } from './commands/serve.command';
import { registerInstallsCommands } from './commands/installs.command';
import { registerSettingsCommands } from './commands/settings.command';
import { doctorText, runProvision } from './commands/crm.command';
import { CRM_KINDS, type CrmKind } from '../crm/crm-adapter';
import { CrmConfigurationError, adapters } from '../crm/adapters';
import { isHubSpotError, messageOf } from '../crm/hubspot/hubspot-calls';
import { ProvisionError } from '../crm/hubspot/hubspot-provision';

interface Common {
  json?: boolean;
  policy?: string;
  now?: string;
}

function buildProgram(io: CliIo): Command {
  const program = new Command('baton')
    .description('Baton: the sales-to-CS handoff as a scored, accepted, SLA-tracked CRM record.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run baton --help for usage)');

  const policyOption = () =>
    new Option('--policy <file>', 'policy file overriding the default templates (JSON)');
  const nowOption = () =>
    new Option('--now <iso>', 'evaluate at this instant instead of the current time');

  type Render = (doc: HandoffDocument, policy: Policy, now: number) => unknown;
  /** A command that reads one handoff document and prints a view of it for people or machines. */
  const documentCommand = (name: string, description: string, json: Render, text: Render) =>
    program
      .command(name)
      .description(description)
      .argument('<file>', 'handoff document (JSON, v1)')
      .option('--json', 'print one JSON object for machines')
      .addOption(policyOption())
      .addOption(nowOption())
      .action(async (file: string, options: Common) => {
        const [doc, policy] = [await loadDocument(file), await loadPolicy(options.policy)];
        const now = parseNow(options.now, io.now());
        io.out(options.json ? printJson(json(doc, policy, now)) : String(text(doc, policy, now)));
      });

  documentCommand(
    'score',
    'completeness with the missing items, and quality with its parts and band',
    scoreJson,
    scoreText,
  );
  documentCommand(
    'sla',
    'every SLA clock: met, pending, at_risk or breached, with its due time',
    slaJson,
    slaText,
  );

  program
    .command('validate')
    .description('check handoff documents (and a policy file) and name every bad field')
    .argument('<files...>', 'handoff documents (JSON, v1)')
    .addOption(policyOption())
    .action(async (files: string[], options: Common) => {
      const policy = await loadPolicy(options.policy);
      if (options.policy) io.out(`${options.policy}: valid policy\n`);
      const problems: string[] = [];
      for (const file of files) {
        try {
          const doc = await loadDocument(file);
          const score = scoreCompleteness(doc, policy.templates[doc.handoffType]).score;
          io.out(
            `${file}: valid ${doc.handoffType} handoff for deal ${doc.deal.id} (completeness ${score}%)\n`,
          );
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          problems.push(error.message);
        }
      }
      if (problems.length > 0) throw new CliError(problems.join('\n'));
    });

  program
    .command('intro-email')
    .description('the customer introduction email from the AE, naming the CSM')
    .argument('<file>', 'handoff document (JSON, v1)')
    .option('--ae <name>', "the AE's name, for the signature")
    .option('--ae-email <email>', "the AE's email")
    .option('--csm <name>', "the CSM's name")
    .option('--csm-email <email>', "the CSM's email (copied)")
    .option('--customer <name>', "the customer's name (default: the deal name)")
    .option('--vendor <name>', 'your company name')
    .option('--json', 'print one JSON object for machines')
    .addOption(policyOption())
    .action(async (file: string, options: Common & Parameters<typeof introEmail>[2]) => {
      const [doc, policy] = [await loadDocument(file), await loadPolicy(options.policy)];
      const email = introEmail(doc, policy, options);
      io.out(options.json ? printJson(email) : introEmailText(email));
    });

  program
    .command('report')
    .description('handoff reports per rep, team, segment, type or period')
    .argument(
      '<inputs...>',
      'handoff documents: files (JSON, JSON arrays, JSON Lines) or folders of them',
    )
    .addOption(new Option('--by <dimension>', 'group by').choices(REPORT_DIMENSIONS).default('rep'))
    .addOption(
      new Option('--period <period>', 'period length with --by period')
        .choices(['week', 'month', 'quarter'])
        .default('month'),
    )
    .option('--roster <file>', 'JSON map of owner id to {"name", "team"}')
    .option('--json', 'print one JSON object for machines')
    .addOption(policyOption())
    .addOption(nowOption())
    .action(
      async (
        inputs: string[],
        options: Common & { by: string; period: string; roster?: string },
      ) => {
        const policy = await loadPolicy(options.policy);
        const roster = await loadRoster(options.roster);
        const docs = await loadDocuments(inputs);
        const report = runReport(docs, policy, {
          by: parseDimension(options.by),
          period: parsePeriod(options.period),
          now: parseNow(options.now, io.now()),
          ...(roster ? { roster } : {}),
        });
        io.out(options.json ? printJson(report) : reportText(report));
      },
    );

  const crmOption = () =>
    new Option('--crm <crm>', 'which CRM').choices(CRM_KINDS).default('hubspot');
  const connect = (crm: CrmKind) => {
    try {
      return adapters[crm](io.env ?? process.env, {
        warn: (message, fields) =>
          io.err(`warn: ${message} ${fields ? JSON.stringify(fields) : ''}\n`),
      });
    } catch (error) {
      if (error instanceof CrmConfigurationError) throw new CliError(error.message);
      throw error;
    }
  };

  program
    .command('provision')
    .description("create or update Baton's objects, properties and association labels (idempotent)")
    .addOption(crmOption())
    .option('--deploy', 'Salesforce: deploy the metadata to the org (otherwise say how)')
    .option('--source-dir <dir>', 'Salesforce: the SFDX project to deploy (build/salesforce)')
    .action(async (options: { crm: CrmKind; deploy?: boolean; sourceDir?: string }) => {
      io.out(await runProvision(options.crm, () => connect(options.crm), options));
    });

  program
    .command('doctor')
    .description('check scopes, objects, properties and pipelines, and say what is missing')
    .addOption(crmOption())
    .action(async (options: { crm: CrmKind }) => {
      const adapter = connect(options.crm);
      const checks = await adapter.doctor();
      io.out(doctorText(adapter.describe(), checks));
      if (checks.some((check) => !check.ok)) throw new CliError('some checks failed', 1, true);
    });

  program
    .command('start')
    .description('run Baton locally on its embedded defaults (what `npm start` runs)')
    .addOption(policyOption())
    .action(async (options: Common) => {
      const policy = await loadPolicy(options.policy);
      const running = await startLocal(io, policy);
      openBrowser(running.previewUrl, io.env ?? process.env);
      const stop = () => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('backfill')
    .description(
      'hand off every closed-won deal that has no handoff yet, in batches (safe to re-run)',
    )
    .addOption(crmOption())
    .addOption(policyOption())
    .option('--limit <n>', 'stop after this many deals (a trial run)')
    .action(async (options: Common & { crm: CrmKind; limit?: string }) => {
      const policy = await loadPolicy(options.policy);
      const adapter = connect(options.crm);
      if (!adapter.backfill)
        throw new CliError(`backfill is not available for ${adapter.describe()}`);
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
        throw new CliError('--limit: expected a whole number of 1 or more');
      io.out(`Backfilling ${adapter.describe()}\n`);
      const done = await runBackfill(adapter.backfill, {
        policy,
        now: io.now(),
        ...(limit === undefined ? {} : { limit }),
        onProgress: (p) => io.out(`  ${p.deals} deals handed off (${p.tasks} tasks)\n`),
      });
      io.out(
        done.deals === 0
          ? 'Nothing to do: every closed-won deal has a handoff.\n'
          : `Done: ${done.handoffs} handoffs and ${done.tasks} tasks created.\n`,
      );
    });

  registerSandboxCommand(program, io);
  registerServeCommand(program, io);
  registerInstallsCommands(program, io);
  registerSettingsCommands(program, io);

  program.addHelpText(
    'after',
    `\nHandoff types: ${HANDOFF_TYPES.join(', ')}.\nExamples:\n  npx baton score examples/complete.json\n  npx baton sla examples/late.json --now 2026-11-10T09:00:00Z --json\n  npx baton report examples --by type`,
  );
  return program;
}

/** Runs the CLI and returns the exit code: 0 done, 1 bad input, 2 an unexpected failure. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof CliError) {
      if (!error.quiet) io.err(`baton: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`baton: ${describeUnexpected(error)}\n`);
    return 2;
  }
}

/** A failure nobody planned for, said without a stack trace or a response body. */
function describeUnexpected(error: unknown): string {
  if (isHubSpotError(error)) return `the CRM answered ${messageOf(error)}`;
  if (error instanceof ProvisionError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
