/** Tags on an existing contact: the tags an item gives, and changing them one request per tag. */
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withPartialResult } from './execute';
import { idList, InputError } from './validate';

/** The tags an item gives (IDs picked, or names or IDs by expression); none fails the item. */
export function readTagList(value: unknown): string[] {
	const given = idList(value, 'Tag Names or IDs');
	if (given.length === 0)
		throw new InputError(
			'No tag given',
			'Choose at least one tag in Tag Names or IDs, or give names or IDs by expression.',
		);
	return given;
}

/** How messages word each change, and the output key listing the tags changed. */
export const TAG_ACTIONS = {
	add: { verb: 'added to', outputKey: 'appliedTags' },
	remove: { verb: 'removed from', outputKey: 'removedTags' },
} as const;

export type TagAction = keyof typeof TAG_ACTIONS;

/** A tag that could not be changed, and the tags changed before it. */
export interface FailedTag {
	tagId: string;
	reason: string;
	description?: string;
	changed: string[];
}

/** How one contact's tags change: the vendor's one request per tag, and (optionally) how a failure is told. */
export interface TagChange {
	action: TagAction;
	contactId: string;
	tagIds: string[];
	send: (tagId: string) => Promise<unknown>;
	/** The error's words; by default they name the tag, the contact and the tags changed before it. */
	explain?: (failed: FailedTag) => { message: string; description: string };
}

/**
 * Changes the tags one by one and returns those changed. Adding a tag the contact already has
 * (a 409) counts as added. If a tag fails, the error names the contact, and with Continue On
 * Fail the output item carries its ID and the tags changed before, so a re-run is not a guess.
 */
export async function changeTags(ctx: IExecuteFunctions, change: TagChange): Promise<string[]> {
	const { verb, outputKey } = TAG_ACTIONS[change.action];
	const explain =
		change.explain ??
		(({ tagId, reason, description, changed }: FailedTag) => ({
			message: `Tag ${tagId} could not be ${verb} contact ${change.contactId}: ${reason}`,
			description: [
				changed.length ? `Tags ${verb} the contact before it: ${changed.join(', ')}.` : '',
				description ?? '',
			]
				.join(' ')
				.trim(),
		}));
	const changed: string[] = [];
	for (const tagId of change.tagIds) {
		try {
			await change.send(tagId);
		} catch (error) {
			const apiError = error instanceof NodeApiError ? error : undefined;
			if (change.action === 'add' && String(apiError?.httpCode) === '409') {
				changed.push(tagId);
				continue;
			}
			const cause = error as Error & { description?: string | null };
			const words = explain({
				tagId,
				reason: cause.message,
				description: cause.description ?? undefined,
				changed,
			});
			const failure = new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
				...words,
				httpCode: apiError?.httpCode ?? undefined,
			});
			throw withPartialResult(failure, { contactId: change.contactId, [outputKey]: changed });
		}
		changed.push(tagId);
	}
	return changed;
}
