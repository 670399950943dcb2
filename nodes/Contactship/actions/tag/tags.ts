/** Tags given by ID or by name, and adding or removing them one request at a time. */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withPartialResult } from '../../../shared/execute';
import { firstText } from '../../../shared/lists';
import type { OperationRun } from '../../../shared/operations';
import { InputError, quote } from '../../../shared/validate';
import { readAllTags } from '../../methods/loadOptions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One tag as given (picked from the list: its ID; by expression: its ID, name or label) ->
 * its ID. Names are unique in Contactship and matched first, then labels, both ignoring case.
 * A UUID not in the list is passed on for Contactship to judge. Pure.
 */
export function tagIdFor(given: string, tags: IDataObject[]): string {
	const text = given.trim();
	if (tags.some((tag) => firstText(tag, ['id']) === text)) return text;
	const lower = text.toLowerCase();
	for (const key of ['name', 'label']) {
		const matches = tags.filter((tag) => firstText(tag, [key])?.toLowerCase() === lower);
		if (matches.length === 1) return String(matches[0].id);
		if (matches.length > 1)
			throw new InputError(
				`Several Contactship tags are labelled ${quote(text)}`,
				`Give the tag's name or ID instead: ${matches.map((tag) => String(tag.name ?? tag.id)).join(', ')}.`,
			);
	}
	if (UUID.test(text)) return text;
	const known = tags
		.map((tag) => firstText(tag, ['name']))
		.filter(Boolean)
		.slice(0, 20);
	throw new InputError(
		`Contactship has no tag named ${quote(text)}`,
		`Choose the tag from the list, or give its name or ID as Contactship shows it${known.length ? ` (tags: ${known.join(', ')})` : ''}.`,
	);
}

/**
 * Tag IDs for the given values. IDs need no lookup; a name makes the node read the tag list,
 * once per run, so an unknown name fails the item before anything is sent.
 */
export async function resolveTagIds(run: OperationRun, given: string[]): Promise<string[]> {
	if (given.every((value) => UUID.test(value.trim()))) return given.map((value) => value.trim());
	const tags = await run.once(
		'contactship:tags',
		'Reading the Contactship tags',
		async () => await readAllTags(run.client),
	);
	return [...new Set(given.map((value) => tagIdFor(value, tags)))];
}

/** How one tag change is sent, and how it is worded. */
export interface TagChange {
	/** "added to" / "removed from" */
	verb: string;
	/** Output key listing the tags changed: `appliedTags` / `removedTags`. */
	outputKey: string;
	send: (tagId: string) => Promise<unknown>;
	/** A refusal that means the change already holds (adding a tag the contact has: 409). */
	alreadyDone?: (error: NodeApiError) => boolean;
}

/**
 * Changes the tags one by one. If one fails, the error names the contact and the tag, and says
 * which tags were changed before it (also in the failed item's output with Continue On Fail).
 */
export async function changeTags(
	ctx: IExecuteFunctions,
	contactId: string,
	tagIds: string[],
	change: TagChange,
): Promise<IDataObject> {
	const done: string[] = [];
	for (const tagId of tagIds) {
		try {
			await change.send(tagId);
		} catch (error) {
			if (error instanceof NodeApiError && change.alreadyDone?.(error)) {
				done.push(tagId);
				continue;
			}
			const cause = error as NodeApiError;
			const before = done.length
				? `Tags ${change.verb} the contact before it: ${done.join(', ')}. `
				: '';
			const failure = new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
				message: `Tag ${tagId} could not be ${change.verb} contact ${contactId}: ${cause.message}`,
				description: `${before}${cause.description ?? ''}`.trim(),
				httpCode: cause.httpCode ?? undefined,
			});
			throw withPartialResult(failure, { contactId, [change.outputKey]: done });
		}
		done.push(tagId);
	}
	return { contactId, [change.outputKey]: done };
}

/** The tags an item gives: at least one. */
export function requireTags(tagIds: string[]): string[] {
	if (tagIds.length === 0)
		throw new InputError(
			'No tag given',
			'Choose at least one tag, or give names or IDs by expression.',
		);
	return tagIds;
}
