/**
 * `npm run dev`: a real n8n with this package, against the sandbox vendor APIs, in one
 * command. Installs Node 24 and n8n once into a cache outside the clone, builds and packs
 * the package, installs the tarball into a fresh n8n user folder as n8n installs community
 * packages, starts the sandbox and n8n on 127.0.0.1:5678, creates the owner account,
 * imports a sandbox credential per vendor and the example workflows (examples/), and prints the
 * URL and login. Ctrl-C stops everything it started and removes the user folder.
 *
 * Environment: N8N_PORT (default 5678), SANDBOX_PORT (default: a free port),
 * CRM_CONTACTS_CACHE (the runtime cache folder).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_OWNER, N8nInstance } from '../test/e2e/lib/n8n';
import { buildAndPack, installPackage, projectRoot } from '../test/e2e/lib/package';
import { isStopping, removeOnExit, startProcess, stopAll } from '../test/e2e/lib/processes';
import { ensureRuntime } from '../test/e2e/lib/runtime';
import { credentialImport, exampleFiles } from '../test/e2e/lib/vendor';
import { e2eVendors } from '../test/e2e/vendors';

const say = (line: string) => console.log(`[dev] ${line}`);

function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Starts test/sandbox/cli.js as its own process; resolves with the URL it prints. */
async function startSandbox(logDir: string): Promise<string> {
	let resolveUrl: (url: string) => void = () => {};
	const url = new Promise<string>((resolve) => (resolveUrl = resolve));
	const sandbox = startProcess(
		process.execPath,
		[join(__dirname, '..', 'test', 'sandbox', 'cli.js'), '--port', process.env.SANDBOX_PORT ?? '0'],
		{
			logFile: join(logDir, 'sandbox.log'),
			onLine: (line) => {
				const match = line.match(/^Sandbox listening on (\S+)/);
				if (match) resolveUrl(match[1]);
			},
		},
	);
	return await Promise.race([
		url,
		sandbox.exited.then((code) => {
			throw new Error(`The sandbox exited with ${code}; see ${join(logDir, 'sandbox.log')}`);
		}),
	]);
}

async function main(): Promise<void> {
	process.once('SIGINT', () => say('Stopping n8n and the sandbox …'));
	const port = Number(process.env.N8N_PORT ?? 5678);
	if (await portInUse(port))
		throw new Error(`Port ${port} is taken: stop what uses it, or set N8N_PORT.`);
	const logDir = join(projectRoot, '.tmp', 'dev-logs');
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });

	const runtime = await ensureRuntime(say);
	say('Building and packing the package …');
	const workDir = mkdtempSync(join(tmpdir(), 'crm-contacts-dev-'));
	removeOnExit(workDir);
	const tarball = await buildAndPack(workDir, join(logDir, 'build.log'));

	const sandboxUrl = await startSandbox(logDir);
	say(`Sandbox vendor APIs on ${sandboxUrl}`);

	const n8n = new N8nInstance({
		runtime,
		userFolder: join(workDir, 'n8n-user'),
		removeUserFolder: false,
		logDir,
	});
	await installPackage(n8n.userFolder, tarball);
	say('Importing a sandbox credential per vendor and the example workflows (examples/) …');
	await n8n.importCredentials(e2eVendors.map((vendor) => credentialImport(vendor, sandboxUrl)));
	const examples = exampleFiles(e2eVendors).map(({ workflow }) => workflow);
	await n8n.importWorkflows(examples);

	say(`Starting n8n on 127.0.0.1:${port} (about 15 s) …`);
	const rest = await n8n.start(port, Number(process.env.N8N_RUNNERS_BROKER_PORT ?? port + 1));
	await rest.setupOwnerAndLogin(DEFAULT_OWNER);

	console.log(
		[
			'',
			`  n8n is ready:   http://127.0.0.1:${port}`,
			`  Log in with:    ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`,
			`  Workflows:      ${examples.map((workflow) => workflow.name).join('\n                  ')}`,
			`  Credentials:    ${e2eVendors.map((vendor) => vendor.credential.name).join(', ')} (pointing at the sandbox)`,
			`  Sandbox:        ${sandboxUrl} (what it received: ${sandboxUrl}/__sandbox/requests)`,
			`  Logs:           ${logDir}`,
			'',
			'  Press Ctrl-C to stop n8n and the sandbox and remove the temporary n8n user folder.',
			'',
		].join('\n'),
	);
	void n8n.serverExited?.then(async (code) => {
		if (isStopping()) return;
		say(`n8n stopped by itself (exit ${code}); see ${logDir}/n8n-server.log. Stopping the rest.`);
		await stopAll();
		process.exit(1);
	});
}

main().catch(async (error: Error) => {
	console.error(`[dev] ${error.message}`);
	await stopAll();
	process.exit(1);
});
