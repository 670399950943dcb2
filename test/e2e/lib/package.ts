/**
 * The package as users get it: built, packed with `npm pack`, and unpacked into an n8n user
 * folder's `.n8n/nodes/node_modules/<name>`, where n8n installs community packages.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { cleanEnv } from './runtime';
import { runCommand } from './processes';

/** The clone's root: the nearest folder above this file with the package's package.json (works from .ts and compiled .js). */
function findProjectRoot(): string {
	for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (
			existsSync(manifest) &&
			JSON.parse(readFileSync(manifest, 'utf8')).name === 'n8n-nodes-crm-contacts'
		)
			return dir;
	}
	throw new Error(`No n8n-nodes-crm-contacts package.json above ${__dirname}`);
}

export const projectRoot = findProjectRoot();

export interface PackageManifest {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
}

export function readManifest(): PackageManifest {
	return JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as PackageManifest;
}

/** Clean build (no stale files in dist/) and `npm pack` into `destination`; returns the tarball path. */
export async function buildAndPack(destination: string, logFile?: string): Promise<string> {
	rmSync(join(projectRoot, 'dist'), { recursive: true, force: true });
	// The machine's Node and npm build the package, as `npm run build` does for a contributor.
	const env = cleanEnv();
	await runCommand('npm', ['run', 'build'], { cwd: projectRoot, env, logFile });
	mkdirSync(destination, { recursive: true });
	const { stdout } = await runCommand(
		'npm',
		['pack', '--json', '--pack-destination', destination],
		{ cwd: projectRoot, env, logFile },
	);
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}

/** Unpacks the tarball where n8n keeps community packages of this user folder. */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const { name } = readManifest();
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', name);
	mkdirSync(target, { recursive: true });
	await runCommand('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	return target;
}
