/**
 * Every node and credential this package ships, as n8n loads them: read from the `n8n`
 * section of package.json (the list n8n itself reads), each `dist/….js` entry loaded from
 * its TypeScript source. A sixth vendor adds nothing here.
 */
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import manifest from '../../package.json';

const root = join(__dirname, '..', '..');

/** `dist/nodes/X/X.node.js` -> a new instance of the class that source file exports. */
function instantiate<T>(distPath: string): T {
	const source = join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, ''));
	const exported = Object.values(require(source) as Record<string, unknown>).filter(
		(value) => typeof value === 'function',
	);
	if (exported.length !== 1)
		throw new Error(`${source} should export exactly one class, found ${exported.length}`);
	return new (exported[0] as new () => T)();
}

export const packageNodes: INodeType[] = manifest.n8n.nodes.map((path) =>
	instantiate<INodeType>(path),
);

export const packageCredentials: ICredentialType[] = manifest.n8n.credentials.map((path) =>
	instantiate<ICredentialType>(path),
);
