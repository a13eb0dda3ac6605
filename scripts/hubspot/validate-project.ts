// Validates a HubSpot project tree offline with @hubspot/project-parsing-lib, the library the
// HubSpot CLI uploads through: it finds the `*-hsmeta.json` files, refuses misplaced ones and
// unknown top-level fields, checks uids (format, uniqueness), that every app feature has an app,
// that singular features (the app, webhooks) are single, and each component's `config` against
// a JSON schema. Beside it, what refers across names: associations to existing objects, and a
// workflow action's execution rules and labels to its output fields.
//
// Why a stand-in for one call: `translate()` fetches those JSON schemas from HubSpot
// (`GET project-components-external/project-schemas/v3/{platformVersion}` through
// @hubspot/local-dev-lib/http, with an account id and a personal access key from the CLI's
// config); the package ships none. Offline, that one request is answered with the schemas of
// component-schemas.ts and app-feature-schemas.ts: STAND-INS written from HubSpot's
// documentation, not HubSpot's own schemas. Everything else is the library.
// The answer is given by replacing `http.get` on the module object the library imports, which
// is why package.json pins @hubspot/local-dev-lib to the version the library depends on: were
// npm to nest a second copy, the request would go to HubSpot and fail, and the tests with it.
//
// The library is ESM-only, and jest here runs CommonJS, so tests call this file as a process:
//   tsx scripts/hubspot/validate-project.ts <projectSourceDir>...
// It prints a JSON array, one result per tree, and exits 0 when every tree is valid, else 1.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { COMPONENT_SCHEMAS } from './component-schemas';

export type ProjectValidation =
  | { valid: true; components: { uid: string; type: string; file: string }[] }
  | { valid: false; errors: string[] };

const STANDARD_OBJECT_TYPES = new Set(['CONTACT', 'COMPANY', 'DEAL', 'TICKET']);

const component = z.object({ uid: z.string(), config: z.record(z.string(), z.unknown()) });

/** The components in one folder of the tree, with their paths relative to it. */
async function componentsIn(projectSourceDir: string, dir: string) {
  const names = await readdir(join(projectSourceDir, dir)).catch(() => []);
  return Promise.all(
    names
      .filter((name) => name.endsWith('-hsmeta.json'))
      .map(async (name) => ({
        file: `${dir}/${name}`,
        meta: component.parse(
          JSON.parse(await readFile(join(projectSourceDir, dir, name), 'utf8')),
        ),
      })),
  );
}

/** The library does not know which object types exist; an association must name real ones. */
async function associationErrors(projectSourceDir: string): Promise<string[]> {
  const objects = await componentsIn(projectSourceDir, 'app/app-objects');
  const known = new Set([
    ...STANDARD_OBJECT_TYPES,
    ...objects.flatMap(({ meta }) => [meta.uid, String(meta.config.name)]),
  ]);
  const links = await componentsIn(projectSourceDir, 'app/app-object-associations');
  return links.flatMap(({ file, meta }) =>
    ['firstObjectType', 'secondObjectType']
      .filter((side) => !known.has(String(meta.config[side])))
      .map(
        (side) =>
          `${file}: ${side} '${String(meta.config[side])}' is not an app object or a standard object`,
      ),
  );
}

const actionConfig = z.looseObject({
  outputFields: z
    .array(
      z.object({
        typeDefinition: z.looseObject({
          name: z.string(),
          options: z.array(z.object({ value: z.string() })).optional(),
        }),
      }),
    )
    .default([]),
  executionRules: z
    .array(z.object({ labelName: z.string(), conditions: z.record(z.string(), z.unknown()) }))
    .default([]),
  labels: z.record(
    z.string(),
    z.looseObject({
      outputFieldLabels: z.record(z.string(), z.string()).default({}),
      executionRules: z.record(z.string(), z.string()).default({}),
    }),
  ),
});

/**
 * A workflow action's parts refer to each other by name, which no JSON schema can check: each
 * execution rule needs its message in every language and may only test declared output fields
 * for values they can take; labels may only name declared output fields.
 */
async function workflowActionErrors(projectSourceDir: string): Promise<string[]> {
  const actions = await componentsIn(projectSourceDir, 'app/workflow-actions');
  return actions.flatMap(({ file, meta }) => {
    const parsed = actionConfig.safeParse(meta.config);
    if (!parsed.success) return []; // the schema reports what is malformed
    const { outputFields, executionRules, labels } = parsed.data;
    const values = new Map(
      outputFields.map(({ typeDefinition: t }) => [t.name, t.options?.map((o) => o.value)]),
    );
    const errors: string[] = [];
    for (const [locale, label] of Object.entries(labels)) {
      for (const name of Object.keys(label.outputFieldLabels))
        if (!values.has(name))
          errors.push(
            `${file}: labels.${locale}.outputFieldLabels names '${name}', no output field`,
          );
      for (const rule of executionRules)
        if (!(rule.labelName in label.executionRules))
          errors.push(
            `${file}: labels.${locale}.executionRules has no message '${rule.labelName}'`,
          );
    }
    for (const rule of executionRules) {
      for (const [name, value] of Object.entries(rule.conditions)) {
        const options = values.get(name);
        if (!values.has(name))
          errors.push(
            `${file}: execution rule '${rule.labelName}' tests '${name}', no output field`,
          );
        else if (options && !options.includes(String(value)))
          errors.push(
            `${file}: execution rule '${rule.labelName}' tests ${name} = '${String(value)}', not one of its options`,
          );
      }
    }
    return errors;
  });
}

/**
 * What an upload would find missing: each app function's, card's and the settings page's
 * entrypoint, a file of the tree.
 */
async function entrypointErrors(projectSourceDir: string): Promise<string[]> {
  const components = [
    ...(await componentsIn(projectSourceDir, 'app/functions')),
    ...(await componentsIn(projectSourceDir, 'app/cards')),
    ...(await componentsIn(projectSourceDir, 'app/settings')),
  ];
  const missing = await Promise.all(
    components.map(async ({ file, meta }) => {
      const entrypoint = String(meta.config.entrypoint);
      const found = await stat(join(projectSourceDir, entrypoint)).then(
        (entry) => entry.isFile(),
        () => false,
      );
      return found ? [] : [`${file}: entrypoint ${entrypoint} is not in the project`];
    }),
  );
  return missing.flat();
}

export async function validateHubSpotProject(
  projectSourceDir: string,
  platformVersion = '2026.03',
): Promise<ProjectValidation> {
  const { http } = await import('@hubspot/local-dev-lib/http');
  const { translate, isTranslationError } = await import('@hubspot/project-parsing-lib/translate');
  const schemaUrl = `project-components-external/project-schemas/v3/${platformVersion}`;
  const online = http.get;
  http.get = async <T>(_accountId: number, options: Parameters<typeof online>[1]) => {
    if (options.url !== schemaUrl) throw new Error(`offline: unexpected request ${options.url}`);
    // The library reads only `data` of the response; nothing else of the AxiosResponse is used.
    return { data: COMPONENT_SCHEMAS } as unknown as Awaited<ReturnType<typeof online<T>>>;
  };
  try {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate({
      projectSourceDir,
      platformVersion,
      // Any id: it only keys the (answered) schema request.
      accountId: 1,
    });
    const errors = [
      ...skippedHsMetaFiles.map(
        (file) => `${file}: not in a component folder, so HubSpot skips it`,
      ),
      ...(await associationErrors(projectSourceDir)),
      ...(await workflowActionErrors(projectSourceDir)),
      ...(await entrypointErrors(projectSourceDir)),
    ];
    if (errors.length > 0) return { valid: false, errors };
    const components = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid)
      .map(({ uid, componentType, metaFilePath }) => ({
        uid,
        type: componentType,
        file: metaFilePath,
      }))
      .sort((a, b) => a.file.localeCompare(b.file));
    return { valid: true, components };
  } catch (error) {
    if (isTranslationError(error)) return { valid: false, errors: [error.toString(false)] };
    if (error instanceof Error) return { valid: false, errors: [error.message] };
    throw error;
  } finally {
    http.get = online;
  }
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: tsx scripts/hubspot/validate-project.ts <projectSourceDir>...');
    process.exit(2);
  }
  const results: ProjectValidation[] = [];
  // One at a time: each run swaps the library's HTTP client for the offline one.
  for (const dir of dirs) results.push(await validateHubSpotProject(dir));
  console.log(JSON.stringify(results));
  process.exit(results.every((result) => result.valid) ? 0 : 1);
}

if (typeof require !== 'undefined' && require.main === module) {
  void main();
}
