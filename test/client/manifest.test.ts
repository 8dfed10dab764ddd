// The extension manifest agrees with the protocol the client and server share: every client command declared, settings
// defaults equal to DEFAULT_SETTINGS, the hidden test commands hidden, untrusted-workspace limits declared. It names
// files that exist (walkthrough pages, the .grounded.yaml schema), and one home page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientCommands, DEFAULT_SETTINGS, DIAGNOSTIC_CODES } from '../../server/src/protocol';

const ROOT = join(__dirname, '..', '..');

interface ConfigurationProperty {
  type: string;
  default: unknown;
  enum?: string[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  items?: { type: string };
  scope?: string;
  description?: string;
  markdownDescription?: string;
  minimum?: number;
}

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

interface Manifest {
  main: string;
  homepage: string;
  repository: { type: string; url: string };
  activationEvents: string[];
  engines: { vscode: string };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; name: string }[]>;
    configuration: { title: string; properties: Record<string, ConfigurationProperty> }[];
    yamlValidation: { fileMatch: string | string[]; url: string }[];
    walkthroughs: { id: string; title: string; description: string; steps: WalkthroughStep[] }[];
  };
  capabilities: {
    untrustedWorkspaces: { supported: string | boolean; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces: boolean | { supported: string | boolean };
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const properties: Record<string, ConfigurationProperty> = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties));
const declaredCommands = new Map(manifest.contributes.commands.map((command) => [command.command, command]));

/** Markdown in a setting's text: `code`, **bold**, [links](…), `#setting.links#`. VS Code shows plain descriptions as typed. */
const MARKDOWN = /`|\*\*|\]\(|#[\w.-]+#/;

/** The commands a walkthrough step's links run (`[Label](command:id)` or `command:id?args`). */
function commandLinks(description: string): string[] {
  return [...description.matchAll(/\]\(command:([\w.-]+)/g)].map((match) => match[1]!);
}

describe('package.json', () => {
  test('starts dist/client.js on Markdown', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
  });

  test('declares every client command in the Grounded category', () => {
    const declared = new Map(manifest.contributes.commands.map((command) => [command.command, command]));
    for (const id of Object.values(ClientCommands)) {
      const command = declared.get(id);
      assert.ok(command, `${id} is not declared`);
      assert.equal(command.category, 'Grounded');
    }
    assert.equal(declared.get(ClientCommands.verifyFile)?.title, 'Verify Claims in Current File');
    assert.equal(declared.get(ClientCommands.verifyWorkspace)?.title, 'Verify Claims in Workspace');
    assert.equal(declared.get(ClientCommands.insertCitation)?.title, 'Insert Citation…');
    assert.equal(declared.get(ClientCommands.openSource)?.title, 'Open Source…');
  });

  test('hides the test commands from the palette, and only those', () => {
    const palette = manifest.contributes.menus.commandPalette ?? [];
    const hidden = new Set(palette.filter((entry) => entry.when === 'false').map((entry) => entry.command));
    // grounded.status.text and grounded.sources.items answer the VS Code tests (test/vscode); no one else runs them.
    const testOnly = manifest.contributes.commands.filter((command) => /\(for tests\)$/.test(command.title)).map((command) => command.command);
    assert.deepEqual(testOnly.sort(), ['grounded.sources.items', 'grounded.status.text']);
    assert.deepEqual([...hidden].sort(), testOnly, 'hidden with "when": "false"');
  });

  test('declares the setup commands the walkthrough and the not-a-draft notice run', () => {
    const titles = {
      'grounded.addSourceFolder': 'Add Source Folder…',
      'grounded.createConfig': 'Create Project Config (.grounded.yaml)',
      'grounded.checkAnyway': 'Check This File Anyway',
    };
    for (const [id, title] of Object.entries(titles)) {
      assert.equal(declaredCommands.get(id)?.title, title, id);
      assert.equal(declaredCommands.get(id)?.category, 'Grounded', `${id}'s category`);
    }
  });

  test('has one home page: the repository', () => {
    assert.match(manifest.homepage, /^https:\/\/\S+$/, 'a single https URL');
    assert.equal(manifest.homepage, manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  });

  test('validates .grounded.yaml against the schema in server/data', () => {
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: '.grounded.yaml', url: './server/data/grounded-config.schema.json' }]);
    const schema = join(ROOT, manifest.contributes.yamlValidation[0]!.url);
    assert.ok(existsSync(schema), `${schema} exists`);
    assert.ok(JSON.parse(readFileSync(schema, 'utf8')), 'the schema is JSON');
  });

  test('walks a new user through sources, the project config, a check and the fixes', () => {
    const [walkthrough, ...others] = manifest.contributes.walkthroughs;
    assert.deepEqual(others, [], 'one walkthrough');
    assert.equal(walkthrough!.title, 'Get started with Grounded');
    assert.ok(walkthrough!.description);
    const steps = walkthrough!.steps;
    assert.deepEqual(
      steps.map((step) => commandLinks(step.description)),
      [['grounded.addSourceFolder'], ['grounded.createConfig'], ['grounded.verifyFile'], ['workbench.actions.view.problems']],
    );
    assert.match(steps[0]!.description, /front matter/);
    assert.match(steps[1]!.description, /\.grounded\.yaml/);
    assert.match(steps[3]!.description, /Accept this claim/);
    assert.equal(new Set(steps.map((step) => step.id)).size, steps.length, 'step ids are unique');
    for (const step of steps) {
      assert.ok(step.title && step.description, `${step.id} has a title and a description`);
      // Every command a step runs, or waits for, is declared (VS Code's own commands excepted).
      const completedBy = (step.completionEvents ?? []).map((event) => event.replace(/^onCommand:/, ''));
      for (const id of [...commandLinks(step.description), ...completedBy].filter((id) => id.startsWith('grounded.'))) {
        assert.ok(declaredCommands.has(id), `${step.id} runs ${id}, which is not declared`);
      }
      assert.ok(step.media.markdown, `${step.id} shows a page`);
      assert.match(step.media.markdown!, /^client\/walkthrough\/[\w-]+\.md$/);
      const page = readFileSync(join(ROOT, step.media.markdown!), 'utf8');
      assert.match(page, /^# \S/, `${step.media.markdown} starts with a heading`);
    }
  });

  test('puts the Sources view in the Explorer', () => {
    assert.deepEqual(
      manifest.contributes.views.explorer?.map(({ id, name }) => ({ id, name })),
      [{ id: 'grounded.sources', name: 'Grounded Sources' }],
    );
  });

  test('settings defaults equal DEFAULT_SETTINGS, each setting described', () => {
    const expected: Record<string, unknown> = {
      'grounded.sources.paths': DEFAULT_SETTINGS.sources.paths,
      'grounded.sources.includeBundled': DEFAULT_SETTINGS.sources.includeBundled,
      'grounded.checkOn': DEFAULT_SETTINGS.checkOn,
      'grounded.drafts.include': DEFAULT_SETTINGS.drafts.include,
      'grounded.drafts.exclude': DEFAULT_SETTINGS.drafts.exclude,
      'grounded.debounceMs': DEFAULT_SETTINGS.debounceMs,
      'grounded.maxFileSize': DEFAULT_SETTINGS.maxFileSize,
      'grounded.maxFindingsPerDocument': DEFAULT_SETTINGS.maxFindingsPerDocument,
      'grounded.citationStyle': DEFAULT_SETTINGS.citationStyle,
      ...Object.fromEntries(DIAGNOSTIC_CODES.map((code) => [`grounded.severity.${code}`, DEFAULT_SETTINGS.severity[code]])),
      'grounded.trace.server': 'off',
    };
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      const property = properties[key]!;
      assert.deepEqual(property.default, value, `default of ${key}`);
      assert.ok(property.description || property.markdownDescription, `${key} has a description`);
      if (property.enum) assert.ok(property.enum.includes(property.default as string), `${key}'s default is one of its values`);
    }
    for (const section of manifest.contributes.configuration) assert.ok(section.title, 'each settings section has a title');
    assert.deepEqual(properties['grounded.checkOn']!.enum, ['type', 'save', 'manual']);
    assert.deepEqual(properties['grounded.citationStyle']!.enum, ['footnote', 'pandoc']);
    assert.equal(properties['grounded.debounceMs']!.minimum, 0);
    for (const code of DIAGNOSTIC_CODES) {
      assert.deepEqual(properties[`grounded.severity.${code}`]!.enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
    // Every Grounded setting may be set per folder, the source library's too (one library serves all folders, made
    // from every folder's settings); only the trace of the language server, one per window, is the window's.
    const windowScoped = ['grounded.trace.server'];
    for (const [key, property] of Object.entries(properties)) {
      assert.equal(property.scope, windowScoped.includes(key) ? 'window' : 'resource', `${key}'s scope`);
    }
    // The descriptions say how per-folder values make the one library.
    assert.match(properties['grounded.sources.paths']!.markdownDescription ?? '', /one library serves all folders/);
    assert.match(properties['grounded.sources.paths']!.markdownDescription ?? '', /relative path in a workspace folder's settings starts at that folder/);
    assert.match(properties['grounded.sources.includeBundled']!.markdownDescription ?? '', /unless this setting is off for the workspace .* and for every folder/);
    for (const key of ['grounded.drafts.include', 'grounded.drafts.exclude']) {
      const property = properties[key]!;
      assert.equal(property.type, 'array', key);
      assert.deepEqual(property.items, { type: 'string' }, `${key} holds glob patterns`);
      assert.match(property.markdownDescription ?? '', /relative to that folder.*when no `\.grounded\.yaml` says so/, key);
    }
  });

  test('writes Markdown only where VS Code renders it', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.doesNotMatch(property.description ?? '', MARKDOWN, `${key}: a description with Markdown should be a markdownDescription`);
      for (const text of property.enumDescriptions ?? []) {
        assert.doesNotMatch(text, MARKDOWN, `${key}: enum descriptions with Markdown should be markdownEnumDescriptions`);
      }
      if (!property.enum) continue;
      assert.ok(!(property.enumDescriptions && property.markdownEnumDescriptions), `${key} has one kind of enum descriptions`);
      const descriptions = property.markdownEnumDescriptions ?? property.enumDescriptions;
      assert.equal(descriptions?.length, property.enum.length, `${key}: one description per value`);
    }
    assert.equal(properties['grounded.checkOn']!.markdownEnumDescriptions?.length, 3);
    assert.equal(properties['grounded.citationStyle']!.markdownEnumDescriptions?.length, 2);
  });

  test('the client leaves settings changes to the server\'s own didChangeConfiguration registration', () => {
    // With `synchronize.configurationSection` as well, VS Code's client sent every change twice.
    const source = readFileSync(join(ROOT, 'client', 'src', 'languageClient.ts'), 'utf8');
    assert.doesNotMatch(source, /synchronize\s*:/);
  });

  test('limits what an untrusted workspace may configure', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['grounded.sources.paths']);
    assert.match(untrusted.description ?? '', /bundled sources and source folders inside the workspace/);
  });

  test('targets VS Code 1.100 and names files that exist', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.ok(existsSync(join(ROOT, 'LICENSE')), 'LICENSE');
    assert.ok(existsSync(join(ROOT, '.vscodeignore')), '.vscodeignore');
  });
});
