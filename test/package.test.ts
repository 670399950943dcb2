/**
 * The README's "Adding a sixth vendor" recipe, checked: every node and credential that
 * package.json names loads, and each vendor has every piece the recipe lists (credential
 * with a test request and a Base URL, icons, codex file, sandbox vendor, e2e data file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import manifest from '../package.json';
import { e2eVendors } from './e2e/vendors';
import { packageCredentials, packageNodes } from './harness/package';
import { sandboxVendors } from './sandbox';

const root = join(__dirname, '..');
/** A trigger lives in its vendor's folder (`nodes/Thoughtly/ThoughtlyTrigger.node.ts`), as in n8n's own nodes. */
const isTrigger = (node: INodeType) => node.description.group.includes('trigger');
const folderOf = (node: INodeType) => node.constructor.name.replace(/Trigger$/, '');
const source = (distPath: string) =>
	join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

describe.each(
	manifest.n8n.nodes.map(
		(path, index) =>
			[packageNodes[index].description.displayName, path, packageNodes[index]] as const,
	),
)('%s node', (_name, distPath, node) => {
	const folder = dirname(source(distPath));
	const { description } = node;

	test('its class is named after the node and the file', () => {
		expect(distPath).toBe(`dist/nodes/${folderOf(node)}/${node.constructor.name}.node.js`);
		expect(description.name).toBe(
			node.constructor.name[0].toLowerCase() + node.constructor.name.slice(1),
		);
	});

	test('uses one credential that the package ships, and (unless a trigger) works as an AI tool', () => {
		expect(description.credentials?.map((credential) => credential.name)).toHaveLength(1);
		const credentialName = description.credentials![0].name;
		expect(packageCredentials.map((credential) => credential.name)).toContain(credentialName);
		expect(description.usableAsTool).toBe(isTrigger(node) ? undefined : true);
	});

	test('has light and dark icons and a codex file that names it', () => {
		const icon = description.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark])
			expect(existsSync(join(folder, file.replace(/^file:/, '')))).toBe(true);
		const codex = JSON.parse(
			readFileSync(join(folder, `${node.constructor.name}.node.json`), 'utf8'),
		) as { node: string };
		expect(codex.node).toBe(`${manifest.name}.${description.name}`);
	});

	test('is played by the sandbox and covered by an e2e data file', () => {
		const e2e = e2eVendors.find(
			(vendor) =>
				vendor.nodeName === description.name || vendor.triggers?.includes(description.name),
		);
		expect(e2e).toBeDefined();
		expect(sandboxVendors.map((vendor) => vendor.name)).toContain(e2e!.sandboxVendor);
	});
});

describe.each(
	packageCredentials.map((credential) => [credential.displayName, credential] as const),
)('%s credential', (_name, credential) => {
	test('has a test request, an auth block and a Base URL field', () => {
		expect(credential.test?.request.url).toMatch(/^\//);
		expect(credential.authenticate).toBeDefined();
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toMatch(
			/^https:\/\//,
		);
	});

	test("is used by exactly one node (and that vendor's triggers)", () => {
		const users = packageNodes.filter(
			(node) =>
				!isTrigger(node) &&
				node.description.credentials?.some((used) => used.name === credential.name),
		);
		expect(users).toHaveLength(1);
	});
});
