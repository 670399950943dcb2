/**
 * createOrUseExisting with a vendor's own duplicate test: vendors that report a
 * duplicate without a 409 (an error inside a 200 body, a 400) still get "Return Existing".
 */
import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOrUseExisting } from '../../nodes/shared/contact';

const node = {
	id: '1',
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

function apiError(message: string, httpCode: string): NodeApiError {
	return new NodeApiError(node, { message } as JsonObject, { message, httpCode });
}

const saysExists = (error: NodeApiError) => /already exists/.test(error.message);

test('a duplicate reported on a 200 is recognised by the vendor test and the contact looked up', async () => {
	const find = jest.fn(async () => ({ id: 'c-1' }));
	const result = await createOrUseExisting(ctx, {
		ifContactExists: 'returnExisting',
		create: async () => {
			throw apiError('Vendor answered 200: Contact already exists', '200');
		},
		findExisting: find,
		identity: '+14155551234',
		isDuplicate: saysExists,
	});
	expect(result).toEqual({ contact: { id: 'c-1' }, outcome: 'existing' });
	expect(find).toHaveBeenCalledTimes(1);
});

test('without a vendor test only a 409 counts, so another failure is thrown as it is', async () => {
	const find = jest.fn(async () => ({ id: 'c-1' }));
	const failing = async () => {
		throw apiError('Vendor answered 200: Contact already exists', '200');
	};
	await expect(
		createOrUseExisting(ctx, {
			ifContactExists: 'returnExisting',
			create: failing,
			findExisting: find,
			identity: '+14155551234',
		}),
	).rejects.toThrow('Vendor answered 200: Contact already exists');
	expect(find).not.toHaveBeenCalled();
});

test('a duplicate the lookup cannot find keeps the status the vendor answered with', async () => {
	const error = await createOrUseExisting(ctx, {
		ifContactExists: 'returnExisting',
		create: async () => {
			throw apiError('Vendor answered 200: Contact already exists', '200');
		},
		findExisting: async () => undefined,
		identity: '+14155551234',
		isDuplicate: saysExists,
	}).catch((thrown: NodeApiError) => thrown);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as NodeApiError).message).toBe(
		'Vendor answered 200: Contact already exists; but no existing contact matching +14155551234 was found to return',
	);
	expect((error as NodeApiError).httpCode).toBe('200');
});

test('"Update Existing" updates the contact found once, and says so; the create is sent once', async () => {
	const create = jest.fn(async () => {
		throw apiError('Conflict', '409');
	});
	const updateExisting = jest.fn(async (existing: object) => ({ ...existing, name: 'New' }));
	const result = await createOrUseExisting(ctx, {
		ifContactExists: 'updateExisting',
		create,
		findExisting: async () => ({ id: 'c-1', name: 'Old' }),
		updateExisting,
		identity: '+14155551234',
	});
	expect(result).toEqual({ contact: { id: 'c-1', name: 'New' }, outcome: 'updated' });
	expect(create).toHaveBeenCalledTimes(1);
	expect(updateExisting).toHaveBeenCalledWith({ id: 'c-1', name: 'Old' });
});
