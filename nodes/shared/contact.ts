import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withPartialResult } from './execute';
import type { IfContactExists } from './properties';
import type { ExpectedAnswer } from './transport';

/** Tells users, in every node's output, whether the node made the contact or found it. */
export type Outcome = 'created' | 'existing';

/**
 * A create answer that holds the new contact: `read` finds the contact in the body (the
 * vendor's documented place), and it carries an ID under `idKey`. Anything else, though
 * answered with a 2xx, fails the item instead of being output as created.
 */
export function contactWithId(read: (body: unknown) => IDataObject, idKey: string): ExpectedAnswer {
	return {
		what: 'a contact',
		matches: (body) => {
			const id = read(body)?.[idKey];
			return (
				(typeof id === 'string' && id.trim() !== '') ||
				(typeof id === 'number' && Number.isFinite(id))
			);
		},
	};
}

const DUPLICATE_ADVICE =
	'The contact already exists. Set "If Contact Exists" to "Return Existing" in the node options to output the existing contact instead.';

function isConflict(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && String(error.httpCode) === '409';
}

/**
 * Creates a contact; when the vendor reports a duplicate (a 409 unless `isDuplicate` says
 * otherwise, for vendors that report duplicates another way) and the user chose
 * "Return Existing", looks the contact up instead, given the duplicate answer (a vendor may
 * name the existing contact in it). The create request is never sent twice.
 */
export async function createOrReturnExisting(
	ctx: IExecuteFunctions,
	ifContactExists: IfContactExists,
	create: () => Promise<IDataObject>,
	findExisting: (duplicate: NodeApiError) => Promise<IDataObject | undefined>,
	identity: string,
	isDuplicate: (error: NodeApiError) => boolean = isConflict,
): Promise<{ contact: IDataObject; outcome: Outcome }> {
	try {
		return { contact: await create(), outcome: 'created' };
	} catch (error) {
		if (!(error instanceof NodeApiError))
			throw new NodeOperationError(ctx.getNode(), error as Error);
		// NodeApiError hands an already wrapped error back unchanged.
		if (ifContactExists !== 'returnExisting' || !isDuplicate(error)) {
			const failure = new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
			// A 409 already says how to fix it; a duplicate reported another way (inside a 200) would read as a generic refusal.
			if (isDuplicate(error) && !isConflict(error)) failure.description = DUPLICATE_ADVICE;
			throw failure;
		}
		const existing = await findExisting(error);
		if (!existing) {
			throw new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
				message: `${error.message}; but no existing contact matching ${identity} was found to return`,
				description:
					'The vendor reported a duplicate that its search does not show. Check the contact in the vendor app.',
				httpCode: error.httpCode ?? '409',
			});
		}
		return { contact: existing, outcome: 'existing' };
	}
}

/**
 * Adds tags one by one after the contact exists (the vendors cannot tag on create).
 * If one fails, the error names the contact, so it is never lost, and with
 * "Continue On Fail" the output item still carries its ID and the tags already added.
 */
export async function addTags(
	ctx: IExecuteFunctions,
	vendor: string,
	contactId: string,
	tagIds: string[],
	addTag: (tagId: string) => Promise<void>,
): Promise<string[]> {
	const applied: string[] = [];
	for (const tagId of tagIds) {
		try {
			await addTag(tagId);
		} catch (error) {
			// 409: the contact already has this tag (an existing contact being returned).
			if (isConflict(error)) {
				applied.push(tagId);
				continue;
			}
			const reason = (error as Error).message;
			const tagError = new NodeApiError(ctx.getNode(), { message: reason } as JsonObject, {
				message: `Contact ${contactId} is saved in ${vendor}, but tag ${tagId} could not be added: ${reason}`,
				description: `The contact exists. Add the remaining tags in ${vendor}, or run this item again with "If Contact Exists" set to "Return Existing".`,
				httpCode: error instanceof NodeApiError && error.httpCode ? error.httpCode : undefined,
			});
			throw withPartialResult(tagError, { contactId, appliedTags: applied });
		}
		applied.push(tagId);
	}
	return applied;
}
