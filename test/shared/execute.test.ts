/**
 * The executor's contract: one output per input, input order, pairedItem, bounded
 * concurrency, continueOnFail, and the first failure by item order named `[item N]`.
 * The context is a small stand-in: the executor only asks it for items, the
 * continueOnFail setting and the node.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { createdBeforeStop, runForEachItem, withPartialResult } from '../../nodes/shared/execute';
import { InputError } from '../../nodes/shared/validate';

const node = {
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;

function context(itemCount: number, continueOnFail = false): IExecuteFunctions {
	return {
		getInputData: () => Array.from({ length: itemCount }, (_, index) => ({ json: { index } })),
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	} as unknown as IExecuteFunctions;
}

test('one output per input, in input order, paired, even when later items finish first', async () => {
	const [items] = await runForEachItem(
		context(6),
		async (index) => {
			await sleep((6 - index) * 5);
			return { index };
		},
		3,
	);
	expect(items).toEqual(
		Array.from({ length: 6 }, (_, index) => ({ json: { index }, pairedItem: { item: index } })),
	);
});

test('never more items in flight than the bound', async () => {
	let inFlight = 0;
	let peak = 0;
	await runForEachItem(
		context(20),
		async () => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await sleep(5);
			inFlight--;
			return {};
		},
		4,
	);
	expect(peak).toBe(4);
});

test('continueOnFail: failed items carry the error, the HTTP status and partial results', async () => {
	const ctx = context(4, true);
	const [items] = await runForEachItem(
		ctx,
		async (index) => {
			if (index === 1)
				throw new InputError(
					'Email "x" is not a valid email address',
					'Use the form name@example.com.',
				);
			if (index === 2)
				throw new NodeApiError(
					node,
					{ error: 'Contact with this phone already exists!' },
					{
						message: 'SalesCaptain answered 409: Contact with this phone already exists!',
						httpCode: '409',
					},
				);
			if (index === 3)
				throw withPartialResult(
					new NodeApiError(node, {}, { message: 'Tag failed', httpCode: '500' }),
					{ contactId: 'c-1', appliedTags: [] },
				);
			return { ok: true };
		},
		2,
	);
	expect(items.map((item) => item.json)).toEqual([
		{ ok: true },
		{
			message: 'Email "x" is not a valid email address [item 1]',
			error: {
				message: 'Email "x" is not a valid email address [item 1]',
				description: 'Use the form name@example.com.',
			},
		},
		{
			message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
			error: {
				message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
				httpCode: '409',
				description: 'Contact with this phone already exists!',
			},
		},
		{
			message: 'Tag failed [item 3]',
			error: { message: 'Tag failed [item 3]', httpCode: '500', contactId: 'c-1', appliedTags: [] },
		},
	]);
	expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
});

test('without continueOnFail the first failing item by order stops the node, and no new item starts', async () => {
	const started: number[] = [];
	const run = runForEachItem(
		context(10),
		async (index) => {
			started.push(index);
			await sleep(index === 2 ? 20 : 5);
			if (index === 2 || index === 3) throw new Error(`boom ${index}`);
			return {};
		},
		3,
	);
	await expect(run).rejects.toThrow(NodeOperationError);
	await expect(run).rejects.toThrow('boom 2 [item 2]');
	// Items 0-2 start at once; 3 starts when 0 finishes; 3 fails before 2 does, so nothing after 4 starts.
	expect(Math.max(...started)).toBeLessThan(6);
});

test('the item suffix is added once, and the error keeps its item index', async () => {
	const error = await runForEachItem(context(1), async () => {
		throw new NodeOperationError(node, 'Already named [item 0]', { itemIndex: 0 });
	}).catch((caught: NodeOperationError) => caught);
	expect((error as NodeOperationError).message).toBe('Already named [item 0]');
	expect((error as NodeOperationError).context.itemIndex).toBe(0);
});

test('the stop note: nothing for no contacts, one item in the singular, long IDs cut, the list bounded', () => {
	expect(createdBeforeStop([])).toBeUndefined();
	expect(createdBeforeStop([{ itemIndex: 4, id: 'c-4' }])).toMatch(
		/^Before the stop, 1 other item created a contact: item 4 \(c-4\)\. .*"Return Existing"/,
	);
	expect(createdBeforeStop([{ itemIndex: 0, id: 'x'.repeat(500) }])).toContain(
		`item 0 (${'x'.repeat(63)}…)`,
	);
	const many = createdBeforeStop(
		Array.from({ length: 1_000 }, (_, itemIndex) => ({ itemIndex, id: itemIndex })),
	)!;
	expect(many).toContain('1000 other items created contacts: item 0 (0), item 1 (1)');
	expect(many).toContain('item 9 (9) and 990 more.');
	expect(many.length).toBeLessThan(500);
});

test('stop mode: the error lists the contacts made by items that finished, read from the output ID key', async () => {
	const error = await runForEachItem(
		context(4),
		async (index) => {
			await sleep(index === 1 ? 20 : 1);
			if (index === 1) throw new Error('boom');
			if (index === 3)
				throw withPartialResult(new NodeOperationError(node, 'Tag failed'), {
					contactId: 'k-3',
					appliedTags: [],
				});
			return { contact_id: `k-${index}`, outcome: index === 2 ? 'existing' : 'created' };
		},
		4,
		'contact_id',
	).catch((caught: NodeOperationError) => caught);
	expect((error as NodeOperationError).message).toBe('boom [item 1]');
	expect((error as NodeOperationError).description).toMatch(
		/^Before the stop, 2 other items created contacts: item 0 \(k-0\), item 3 \(k-3\)\./,
	);
});

test('an item may output many records (Get Many) or none: each paired with its input, in input order', async () => {
	const [items] = await runForEachItem(
		context(3),
		async (index) => Array.from({ length: index }, (_, n) => ({ index, n })),
		2,
	);
	expect(items).toEqual([
		{ json: { index: 1, n: 0 }, pairedItem: { item: 1 } },
		{ json: { index: 2, n: 0 }, pairedItem: { item: 2 } },
		{ json: { index: 2, n: 1 }, pairedItem: { item: 2 } },
	]);
});
