/**
 * The package in the real n8n (2.41.1; 1.123.x with N8N_E2E_VERSION=1, see lib/runtime.ts),
 * installed from its packed tarball as a community package into a fresh user folder,
 * against the sandbox vendor APIs:
 *  - `n8n execute` runs each vendor's workflows: exact sandbox requests, exact output items;
 *  - one n8n server answers the editor's REST calls: node and credential types (with the AI
 *    tool variants), every dropdown, every credential test with a good and a bad key;
 *  - n8n's logs name the package in no line: it loads without a warning;
 *  - everything started is stopped and the temporary folders are gone at the end.
 * What is expected per vendor lives in test/e2e/vendors/<vendor>.ts.
 */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox';
import { createSandbox } from '../sandbox';
import { expectRequests, withPlaceholders } from './lib/expect';
import { n8nLogLinesNaming } from './lib/logs';
import type { RestClient } from './lib/n8n';
import { N8nInstance } from './lib/n8n';
import { buildAndPack, installPackage, projectRoot, readManifest } from './lib/package';
import { freePort, removeOnExit, stopAll } from './lib/processes';
import type { Runtime } from './lib/runtime';
import { chosenRuntime, ensureRuntime } from './lib/runtime';
import type { E2eDropdown, E2eVendor, E2eWorkflow } from './lib/vendor';
import {
	badCredentialId,
	badCredentialImport,
	credentialImport,
	exampleFiles,
	nodeType,
	outputNodeName,
	PACKAGE_NAME,
	workflowImport,
} from './lib/vendor';
import { e2eVendors } from './vendors';

const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

const choice = chosenRuntime();
const workDir = mkdtempSync(join(tmpdir(), 'crm-contacts-e2e-'));
removeOnExit(workDir);
/** Logs stay in the clone's git-ignored .tmp/ for a look after a failure, one folder per n8n version. */
const logDir = join(projectRoot, '.tmp', 'e2e-logs', `n8n-${choice.n8nVersion}`);

let runtime: Runtime;
let sandbox: Sandbox;
let sandboxUrl: string;
let n8n: N8nInstance;
let serverPort: number;
let executeBrokerPort: number;
/** The server boots (≈15 s) while the `n8n execute` tests run. */
let server: Promise<RestClient>;

const baseUrl = (vendor: E2eVendor) => `${sandboxUrl}/${vendor.sandboxVendor}`;

beforeAll(async () => {
	const started = Date.now();
	runtime = await ensureRuntime(say, choice);
	say(`n8n ${runtime.n8nVersion} on Node ${runtime.nodeMajor}`);
	sandbox = createSandbox();
	sandboxUrl = await sandbox.start();
	say(`sandbox on ${sandboxUrl}; building and packing the package …`);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	const tarball = await buildAndPack(workDir, join(logDir, 'build.log'));
	n8n = new N8nInstance({
		runtime,
		userFolder: join(workDir, 'n8n-user'),
		removeUserFolder: false,
		logDir,
	});
	await installPackage(n8n.userFolder, tarball);
	say('importing credentials and workflows …');
	await n8n.importCredentials(
		e2eVendors.flatMap((vendor) => [
			credentialImport(vendor, sandboxUrl),
			badCredentialImport(vendor, sandboxUrl),
		]),
	);
	await n8n.importWorkflows(
		e2eVendors.flatMap((vendor) =>
			vendor.workflows.map((workflow) => workflowImport(vendor, workflow)),
		),
	);
	[serverPort, executeBrokerPort] = [await freePort(), await freePort()];
	const serverBrokerPort = await freePort();
	server = n8n.start(serverPort, serverBrokerPort).then(async (rest) => {
		await rest.setupOwnerAndLogin();
		return rest;
	});
	server.catch(() => {}); // reported by the tests that await it
	say(
		`ready for tests after ${Math.round((Date.now() - started) / 1000)} s (user folder ${n8n.userFolder})`,
	);
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	await stopAll();
});

describe.each(e2eVendors.map((vendor) => [vendor.displayName, vendor] as const))(
	'%s: n8n execute',
	(_name, vendor) => {
		test.each(vendor.workflows.map((workflow) => [workflow.name, workflow] as const))(
			'%s',
			async (_workflowName, workflow) => await runWorkflow(vendor, workflow),
		);
	},
);

async function runWorkflow(vendor: E2eVendor, workflow: E2eWorkflow): Promise<void> {
	sandbox.reset();
	for (const fault of workflow.faults ?? []) sandbox.addFault(fault);
	const result = await n8n.execute(workflow.id, executeBrokerPort);
	writeFileSync(
		join(logDir, `execute-${workflow.id}.log`),
		`exit ${result.code}\n--- stdout (the run aside)\n${result.log}\n--- stderr\n${result.stderr}`,
	);
	if (result.run)
		writeFileSync(
			join(logDir, `execute-${workflow.id}.run.json`),
			JSON.stringify(result.run, null, 2),
		);
	const diagnostics = `exit ${result.code}\n--- stdout\n${result.stdout.slice(-3000)}\n--- stderr\n${result.stderr.slice(-3000)}`;
	if (!result.run) throw new Error(`n8n execute printed no run:\n${diagnostics}`);
	if (result.code !== 0 || result.run.status !== 'success') {
		throw new Error(
			`The workflow did not succeed: ${JSON.stringify(result.run.data.resultData.error)}\n${diagnostics}`,
		);
	}

	expectRequests(sandbox.requests(vendor.sandboxVendor), workflow.expectedRequests);

	const task = result.run.data.resultData.runData[outputNodeName(vendor, workflow)]?.[0];
	type Item = { json: unknown; pairedItem: { item: number } };
	const [items = [], errorItems = []]: Item[][] = task?.data?.main ?? [];
	// Every input item is accounted for: one output item each, on the main or the error output, paired with it, in order.
	const accounted = workflow.errorOutput
		? [...items, ...errorItems].sort((a, b) => a.pairedItem.item - b.pairedItem.item)
		: items;
	if (!workflow.manyPerItem && !workflow.then)
		expect(accounted.map((item) => item.pairedItem)).toEqual(
			workflow.items.map((_item, index) => ({ item: index })),
		);
	const expected = (outputs: E2eWorkflow['expectedOutput']) =>
		outputs.map((output) => ({
			json: withPlaceholders(output.json),
			pairedItem: { item: output.pairedItem },
		}));
	expect(items.map((item) => ({ json: item.json, pairedItem: item.pairedItem }))).toEqual(
		expected(workflow.expectedOutput),
	);
	if (workflow.errorOutput) {
		expect(errorItems.map((item) => ({ json: item.json, pairedItem: item.pairedItem }))).toEqual(
			expected(workflow.expectedErrorOutput ?? []),
		);
	}
}

test('examples/ holds exactly the example workflows executed above (at least one per node) and the AI Agent examples', () => {
	const expected = exampleFiles(e2eVendors);
	expect(
		readdirSync(join(projectRoot, 'examples'))
			.filter((file) => file.endsWith('.json'))
			.sort(),
	).toEqual(expected.map(({ file }) => file).sort());
	for (const { file, workflow } of expected) {
		// `npm run examples` rewrites them after a change to a vendor's example.
		expect(JSON.parse(readFileSync(join(projectRoot, 'examples', file), 'utf8'))).toEqual(workflow);
	}
	// Every node but a trigger has one at least.
	const nodesWithExamples = new Set(expected.map(({ file }) => file.replace(/(-.*)?\.json$/, '')));
	expect(nodesWithExamples.size).toBe(
		readManifest().n8n.nodes.length - e2eVendors.flatMap((vendor) => vendor.triggers ?? []).length,
	);
});

describe('n8n server: the package as the editor sees it', () => {
	let rest: RestClient;

	beforeAll(async () => {
		rest = await server;
	}, 180_000);

	test('every node loads under the package name, with its AI-tool variant', async () => {
		const { status, body } = await rest.request<
			Array<{ name: string; version: number | number[] }>
		>('GET', '/types/nodes.json');
		expect(status).toBe(200);
		const ours = body
			.filter((type) => type.name.startsWith(`${PACKAGE_NAME}.`))
			.map((type) => type.name);
		const expected = e2eVendors.flatMap((vendor) => [
			nodeType(vendor),
			`${nodeType(vendor)}Tool`,
			...(vendor.triggers ?? []).map((trigger) => `${PACKAGE_NAME}.${trigger}`),
		]);
		expect(ours.sort()).toEqual(expected.sort());
		// Every node the package ships has an e2e data file (and so is covered here).
		expect(ours.filter((name) => !name.endsWith('Tool'))).toHaveLength(
			readManifest().n8n.nodes.length,
		);
	});

	test('every credential type loads and is offered for its node', async () => {
		const { status, body } = await rest.request<Array<{ name: string; supportedNodes?: string[] }>>(
			'GET',
			'/types/credentials.json',
		);
		expect(status).toBe(200);
		const ours = body.filter((type) =>
			type.supportedNodes?.some((node) => node.startsWith(`${PACKAGE_NAME}.`)),
		);
		expect(ours.map((type) => type.name).sort()).toEqual(
			e2eVendors.map((vendor) => vendor.credential.type).sort(),
		);
		expect(ours).toHaveLength(readManifest().n8n.credentials.length);
		for (const vendor of e2eVendors) {
			expect(ours.find((type) => type.name === vendor.credential.type)?.supportedNodes).toContain(
				nodeType(vendor),
			);
		}
	});

	describe.each(e2eVendors.map((vendor) => [vendor.displayName, vendor] as const))(
		'%s',
		(_name, vendor) => {
			test.each(
				vendor.dropdowns.map(
					(dropdown) => [dropdown.methodName, dropdownCase(dropdown), dropdown] as const,
				),
			)('dropdown %s (%s) answers with the sandbox data', async (_method, _case, dropdown) => {
				sandbox.reset();
				const request = {
					path: `parameters.${dropdown.parameterPath}`,
					nodeTypeAndVersion: { name: nodeType(vendor), version: vendor.nodeVersion },
					currentNodeParameters: dropdown.currentNodeParameters,
					methodName: dropdown.methodName,
					credentials: {
						[vendor.credential.type]: { id: vendor.credential.id, name: vendor.credential.name },
					},
				};
				if (dropdown.kind === 'listSearch') {
					// A resource locator's "From List" mode: n8n's other endpoint, one page per call.
					const { status, body } = await rest.request(
						'POST',
						'/rest/dynamic-node-parameters/resource-locator-results',
						{
							...request,
							...(dropdown.filter === undefined ? {} : { filter: dropdown.filter }),
							...(dropdown.paginationToken === undefined
								? {}
								: { paginationToken: dropdown.paginationToken }),
						},
					);
					if (status !== 200)
						throw new Error(
							`List search answered ${status}: ${JSON.stringify(body).slice(0, 2000)}`,
						);
					expect(body.data.results).toEqual(dropdown.expected);
					expect(body.data.paginationToken).toEqual(dropdown.expectedPaginationToken);
				} else {
					const { status, body } = await rest.request(
						'POST',
						'/rest/dynamic-node-parameters/options',
						request,
					);
					if (status !== 200)
						throw new Error(`Dropdown answered ${status}: ${JSON.stringify(body).slice(0, 2000)}`);
					expect(body.data).toEqual(dropdown.expected);
				}
				expectRequests(sandbox.requests(vendor.sandboxVendor), dropdown.expectedRequests);
			});

			test('a dropdown with a bad key shows the vendor\'s words in the editor, not "[object Object]"', async () => {
				sandbox.reset();
				const dropdown = vendor.dropdowns[0];
				const request = {
					path: `parameters.${dropdown.parameterPath}`,
					nodeTypeAndVersion: { name: nodeType(vendor), version: vendor.nodeVersion },
					currentNodeParameters: dropdown.currentNodeParameters,
					methodName: dropdown.methodName,
					credentials: {
						[vendor.credential.type]: {
							id: badCredentialId(vendor),
							name: `${vendor.credential.name} with a bad key`,
						},
					},
				};
				const endpoint =
					dropdown.kind === 'listSearch'
						? '/rest/dynamic-node-parameters/resource-locator-results'
						: '/rest/dynamic-node-parameters/options';
				const { status, body } = await rest.request('POST', endpoint, request);
				expect(status).toBeGreaterThanOrEqual(400);
				expect(editorShows(body)).toBe(vendor.credential.badDropdownMessage);
				// The refusal came from the vendor (the sandbox).
				expect(sandbox.requests(vendor.sandboxVendor).length).toBeGreaterThan(0);
			});

			test('credential test: OK for a good key, an error for a bad one', async () => {
				const credentialTest = async (data: object) =>
					await rest.testCredential({
						id: vendor.credential.id,
						name: vendor.credential.name,
						type: vendor.credential.type,
						data,
					});
				sandbox.reset();
				const good = await credentialTest(vendor.credential.data(baseUrl(vendor)));
				expect(good.status).toBe(200);
				expect(good.body.data).toEqual({ status: 'OK', message: expect.any(String) });
				expect(sandbox.requests(vendor.sandboxVendor).length).toBeGreaterThan(0);

				sandbox.reset();
				const bad = await credentialTest(vendor.credential.badData(baseUrl(vendor)));
				expect(bad.status).toBe(200);
				expect(bad.body.data.status).toBe('Error');
				expect(bad.body.data.message).toMatch(vendor.credential.badMessage);
				// The error came from the vendor (the sandbox), not from a request that never left n8n.
				expect(sandbox.requests(vendor.sandboxVendor).length).toBeGreaterThan(0);
			});
		},
	);
});

/**
 * What n8n 2.41.1's editor shows for a failed dropdown answer (its REST client and parameter
 * input, editor-ui's useRootStore and ParameterInputList bundles): an answer named
 * NodeApiError is thrown on as a bare object, which the input prints with String() as
 * "[object Object]"; any other answer with a message becomes an Error with that message.
 */
function editorShows(body: { name?: unknown; message?: unknown } | undefined): string {
	if (body?.message === undefined) return 'Request failed';
	return body.name === 'NodeApiError' ? String({}) : String(body.message);
}

/** A dropdown's test name: its parameter, and for a list search the search text and page. */
function dropdownCase(dropdown: E2eDropdown): string {
	if (dropdown.kind !== 'listSearch') return dropdown.parameterPath;
	const parts = [dropdown.parameterPath, 'list search'];
	if (dropdown.filter !== undefined) parts.push(`filter "${dropdown.filter}"`);
	if (dropdown.paginationToken !== undefined)
		parts.push(`page token "${dropdown.paginationToken}"`);
	return parts.join(', ');
}

/** Processes whose environment names this run's n8n user folder. */
function processesOfThisRun(): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		try {
			if (
				readFileSync(`/proc/${entry}/environ`, 'utf8')
					.split('\0')
					.includes(`N8N_USER_FOLDER=${n8n.userFolder}`)
			)
				pids.push(Number(entry));
		} catch {
			// Gone, or not ours to read.
		}
	}
	return pids;
}

function portAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

describe('cleanup', () => {
	test('stopping leaves nothing behind: no n8n process, no open port, no temporary folder', async () => {
		await server.catch(() => undefined);
		expect(processesOfThisRun().length).toBeGreaterThan(0); // the check can see them while they run
		await n8n.stop();
		await sandbox.close();
		await stopAll();
		expect(processesOfThisRun()).toEqual([]);
		expect(await portAnswers(serverPort)).toBe(false);
		expect(existsSync(workDir)).toBe(false);
	}, 60_000);

	test("n8n's logs name the package nowhere: it loads and runs without a warning", () => {
		// n8n reports a package it cannot load or finds fault with by its name, a node type
		// (`<package>.<node>`) or a credential type. The runtime cache's path holds the name too.
		const names = [PACKAGE_NAME, ...e2eVendors.map((vendor) => vendor.credential.type)];
		const logs = readdirSync(logDir).filter((file) => /^(n8n|execute)-.*\.log$/.test(file));
		expect(logs).toEqual(
			expect.arrayContaining([
				'n8n-server.log',
				'n8n-import.log',
				...e2eVendors.flatMap((vendor) =>
					vendor.workflows.map((workflow) => `execute-${workflow.id}.log`),
				),
			]),
		);
		expect(n8nLogLinesNaming(logDir, names, [runtime.cacheDir])).toEqual([]);
	});
});
