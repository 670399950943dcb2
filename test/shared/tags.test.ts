/**
 * changeTags, the one loop behind every vendor's Tag → Add / Remove and the tags after Create:
 * a 409 counts as done only when adding, and a failure names tag and contact and keeps the
 * tags changed before it for Continue On Fail. aboutContact: only a 404 is restated.
 */
import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { aboutContact } from '../../nodes/shared/contact';
import { PARTIAL_RESULT } from '../../nodes/shared/execute';
import { changeTags } from '../../nodes/shared/tags';

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

/** A vendor that refuses the listed tags with the given status, and records what it was sent. */
function vendor(refused: Record<string, string>) {
	const sent: string[] = [];
	const send = async (tagId: string) => {
		sent.push(tagId);
		const status = refused[tagId];
		if (status) throw apiError(`Vendor answered ${status}: refused ${tagId}`, status);
	};
	return { sent, send };
}

test('adding: a 409 (the contact has the tag) counts as added, and every tag is sent once', async () => {
	const { sent, send } = vendor({ b: '409' });
	const added = await changeTags(ctx, {
		action: 'add',
		contactId: 'c-1',
		tagIds: ['a', 'b', 'c'],
		send,
	});
	expect(added).toEqual(['a', 'b', 'c']);
	expect(sent).toEqual(['a', 'b', 'c']);
});

test('removing: a 409 is a failure that names tag and contact, keeps what was removed, and stops', async () => {
	const { sent, send } = vendor({ b: '409' });
	const failure = await changeTags(ctx, {
		action: 'remove',
		contactId: 'c-1',
		tagIds: ['a', 'b', 'c'],
		send,
	}).catch((error: NodeApiError) => error);
	expect(failure).toBeInstanceOf(NodeApiError);
	expect((failure as NodeApiError).message).toBe(
		'Tag b could not be removed from contact c-1: Vendor answered 409: refused b',
	);
	expect((failure as NodeApiError).httpCode).toBe('409');
	expect((failure as NodeApiError).description).toMatch(
		/^Tags removed from the contact before it: a\./,
	);
	expect((failure as NodeApiError).context[PARTIAL_RESULT]).toEqual({
		contactId: 'c-1',
		removedTags: ['a'],
	});
	expect(sent).toEqual(['a', 'b']);
});

test('aboutContact restates a 404 naming the contact, in the vendor words, and passes anything else on', async () => {
	const missing = await aboutContact(
		'Vendor',
		{ by: 'email', value: 'ana@example.com' },
		async () => {
			throw apiError('Vendor answered 404: Contact not found', '404');
		},
	).catch((error: NodeApiError) => error);
	expect(missing.message).toBe(
		'Vendor has no contact with email ana@example.com (Contact not found)',
	);
	expect(missing.httpCode).toBe('404');

	const refused = apiError('Vendor answered 500: down', '500');
	await expect(
		aboutContact('Vendor', 'c-1', async () => {
			throw refused;
		}),
	).rejects.toBe(refused);
	await expect(aboutContact('Vendor', 'c-1', async () => 'ok')).resolves.toBe('ok');
});
