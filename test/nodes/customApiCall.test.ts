/**
 * n8n adds "Custom API Call" (value `__CUSTOM_API_CALL__`) to the Resource and Operation lists of
 * every node whose credential has an `authenticate` block, as ours all do. Its editor then points
 * to the HTTP Request node; a workflow saved with it and run must say the same, and call nothing.
 */
import { runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const nodes = [
	{
		type: 'salesCaptain',
		vendor: 'salescaptain',
		name: 'SalesCaptain',
		credential: 'salesCaptainApi',
	},
	{ type: 'contactship', vendor: 'contactship', name: 'Contactship', credential: 'contactshipApi' },
	{ type: 'revyOps', vendor: 'revyops', name: 'RevyOps', credential: 'revyOpsApi' },
	{ type: 'wipsy', vendor: 'wipsy', name: 'Wipsy', credential: 'wipsyApi' },
	{ type: 'thoughtly', vendor: 'thoughtly', name: 'Thoughtly', credential: 'thoughtlyApi' },
];

describe.each(nodes)('$name with Custom API Call', ({ type, vendor, name, credential }) => {
	const run = async (parameters: object) =>
		await runNode({
			type,
			parameters: parameters as never,
			items: [{ name: 'Ann Lee' }],
			credentials: { [credential]: { baseUrl: sandbox.baseUrl(vendor) } },
		});

	test.each([
		['operation', { resource: 'contact', operation: '__CUSTOM_API_CALL__' }],
		['resource', { resource: '__CUSTOM_API_CALL__' }],
	])(
		'chosen as the %s: names the HTTP Request node with this credential type, sends nothing',
		async (_where, parameters) => {
			const result = await run(parameters);
			expect(result.error?.message).toBe(
				`Custom API Call is made with the HTTP Request node, not with the ${name} node`,
			);
			expect(result.error?.description).toContain(
				'Add an HTTP Request node, set Authentication to "Predefined Credential Type"',
			);
			expect(result.error?.description).toContain(
				`Credential Type to "${name} API" (${credential})`,
			);
			expect(result.error?.message).not.toMatch(/not supported|__CUSTOM_API_CALL__/);
			expect(sandbox.requests(vendor)).toEqual([]);
		},
	);
});
