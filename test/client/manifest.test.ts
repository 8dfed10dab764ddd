// The extension manifest agrees with the protocol the client and server share: every client command declared, settings
// defaults equal to DEFAULT_SETTINGS, the hidden test commands hidden, untrusted-workspace limits declared.
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
  scope?: string;
  description?: string;
  markdownDescription?: string;
  minimum?: number;
}

interface Manifest {
  main: string;
  activationEvents: string[];
  engines: { vscode: string };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; name: string }[]>;
    configuration: { title: string; properties: Record<string, ConfigurationProperty> }[];
  };
  capabilities: {
    untrustedWorkspaces: { supported: string | boolean; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces: boolean | { supported: string | boolean };
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const properties: Record<string, ConfigurationProperty> = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties));

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

  test('hides the test commands from the palette', () => {
    const palette = manifest.contributes.menus.commandPalette ?? [];
    for (const id of ['grounded.status.text', 'grounded.sources.items']) {
      assert.ok(
        palette.some((entry) => entry.command === id && entry.when === 'false'),
        `${id} should be hidden with "when": "false"`,
      );
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
      'grounded.debounceMs': DEFAULT_SETTINGS.debounceMs,
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
