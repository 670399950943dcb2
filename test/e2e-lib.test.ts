/** The pure parts of the real-n8n tooling (test/e2e/lib): runtime choice, output and log reading, 1.x wording. */
import type { E2eWorkflow } from './e2e/lib/vendor';
import { outputNodeName, workflowImport } from './e2e/lib/vendor';
import { e2eVendors } from './e2e/vendors';
import { linesNaming } from './e2e/lib/logs';
import { credentialTestMessage, splitExecuteOutput } from './e2e/lib/n8n';
import { chosenRuntime, N8N_VERSION, NODE_MAJOR } from './e2e/lib/runtime';

describe('chosenRuntime (N8N_E2E_VERSION, N8N_E2E_NODE)', () => {
	test('default: n8n 2.41.1 on Node 24, the exported defaults', () => {
		expect(chosenRuntime({})).toEqual({ n8nVersion: '2.41.1', nodeMajor: 24 });
		expect(chosenRuntime({})).toEqual({ n8nVersion: N8N_VERSION, nodeMajor: NODE_MAJOR });
		expect(chosenRuntime({ N8N_E2E_VERSION: '2' })).toEqual({
			n8nVersion: '2.41.1',
			nodeMajor: 24,
		});
	});

	test('1 is the pinned 1.x release on Node 22; an exact version takes its line’s Node', () => {
		expect(chosenRuntime({ N8N_E2E_VERSION: '1' })).toEqual({
			n8nVersion: '1.123.81',
			nodeMajor: 22,
		});
		expect(chosenRuntime({ N8N_E2E_VERSION: '1.123.81' })).toEqual({
			n8nVersion: '1.123.81',
			nodeMajor: 22,
		});
		expect(chosenRuntime({ N8N_E2E_VERSION: '2.42.0' })).toEqual({
			n8nVersion: '2.42.0',
			nodeMajor: 24,
		});
		expect(chosenRuntime({ N8N_E2E_VERSION: '1', N8N_E2E_NODE: '24' })).toEqual({
			n8nVersion: '1.123.81',
			nodeMajor: 24,
		});
	});

	test('a range or a tag is refused: the suite pins exactly', () => {
		expect(() => chosenRuntime({ N8N_E2E_VERSION: '1.123' })).toThrow(
			'N8N_E2E_VERSION=1.123: give 1 or 2',
		);
		expect(() => chosenRuntime({ N8N_E2E_VERSION: 'latest' })).toThrow('N8N_E2E_VERSION=latest');
		expect(() => chosenRuntime({ N8N_E2E_NODE: 'lts' })).toThrow('N8N_E2E_NODE=lts');
	});
});

describe('splitExecuteOutput', () => {
	test('the run between log lines, the log lines kept apart', () => {
		const stdout =
			'Migrations done\n{\n  "status": "success",\n  "data": {"resultData": {"runData": {}}}\n}\nRegistered runner "JS Task Runner"\n';
		expect(splitExecuteOutput(stdout)).toEqual({
			run: { status: 'success', data: { resultData: { runData: {} } } },
			log: 'Migrations done\n\nRegistered runner "JS Task Runner"\n',
		});
	});

	test('no run: all of it is log', () => {
		expect(splitExecuteOutput('Error executing workflow\n{ not json\n}\n')).toEqual({
			log: 'Error executing workflow\n{ not json\n}\n',
		});
		expect(splitExecuteOutput('nothing\n')).toEqual({ log: 'nothing\n' });
	});
});

describe('linesNaming', () => {
	test('finds the lines naming the package, with their numbers; the cache path does not count', () => {
		const log = [
			'Version: 1.123.81',
			'    at settle (/root/.cache/n8n-nodes-crm-contacts/n8n-1.123.81/node_modules/axios/index.js:1:1)',
			'Failed to load package "n8n-nodes-crm-contacts"',
			'- /tmp/u/.n8n/nodes/node_modules/n8n-nodes-crm-contacts/dist/nodes/Wipsy/Wipsy.node.js',
			'Credential type wipsyApi has no icon',
		].join('\n');
		expect(
			linesNaming(
				log,
				['n8n-nodes-crm-contacts', 'wipsyApi'],
				['/root/.cache/n8n-nodes-crm-contacts'],
			),
		).toEqual([
			{ line: 3, text: 'Failed to load package "n8n-nodes-crm-contacts"' },
			{
				line: 4,
				text: '- /tmp/u/.n8n/nodes/node_modules/n8n-nodes-crm-contacts/dist/nodes/Wipsy/Wipsy.node.js',
			},
			{ line: 5, text: 'Credential type wipsyApi has no icon' },
		]);
		expect(linesNaming(log, ['n8n-nodes-crm-contacts'])).toHaveLength(3);
	});
});

describe('credentialTestMessage', () => {
	test('n8n 1.x’s sentence for a refused test becomes the status text 2.x gives', () => {
		expect(
			credentialTestMessage('Authorization failed - please check your credentials', '1.123.81'),
		).toBe('Unauthorized');
		expect(credentialTestMessage('Forbidden - perhaps check your credentials?', '1.123.81')).toBe(
			'Forbidden',
		);
		expect(
			credentialTestMessage('The resource you are requesting could not be found', '1.123.81'),
		).toBe('Not Found');
	});

	test('anything else, and every 2.x message, is left as n8n wrote it', () => {
		expect(credentialTestMessage('Connection successful!', '1.123.81')).toBe(
			'Connection successful!',
		);
		expect(credentialTestMessage('ECONNREFUSED', '1.123.81')).toBe('ECONNREFUSED');
		expect(
			credentialTestMessage('Authorization failed - please check your credentials', '2.41.1'),
		).toBe('Authorization failed - please check your credentials');
	});
});

describe('workflowImport with a chain of nodes (`then`)', () => {
	const vendor = e2eVendors[0];
	const workflow: E2eWorkflow = {
		id: 'e2eChainTest0001',
		name: 'chain',
		items: [{ a: 1 }],
		parameters: { resource: 'contact', operation: 'create' },
		then: [
			{ name: 'Second', parameters: { resource: 'contact', operation: 'get' } },
			{ name: 'Third', parameters: { resource: 'contact', operation: 'delete' } },
		],
		expectedRequests: [],
		expectedOutput: [],
	};

	test('the further nodes follow the vendor node in order, with the same credential', () => {
		const imported = workflowImport(vendor, workflow);
		const names = imported.nodes.map((node) => node.name);
		expect(names).toEqual([
			'Manual Trigger',
			'Items',
			'Split Out',
			vendor.displayName,
			'Second',
			'Third',
		]);
		const next = (name: string) =>
			(imported.connections as Record<string, { main: Array<Array<{ node: string }>> }>)[name]
				?.main[0][0].node;
		expect(next(vendor.displayName)).toBe('Second');
		expect(next('Second')).toBe('Third');
		expect(next('Third')).toBeUndefined();
		const credentialsOf = (name: string) =>
			(imported.nodes.find((node) => node.name === name) as { credentials?: object }).credentials;
		expect(credentialsOf('Third')).toEqual(credentialsOf(vendor.displayName));
		expect(outputNodeName(vendor, workflow)).toBe('Third');
		expect(outputNodeName(vendor, { ...workflow, then: undefined })).toBe(vendor.displayName);
	});
});
