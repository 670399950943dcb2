/** Tags given by ID or by name -> Contactship's tag IDs. */
import type { IDataObject } from 'n8n-workflow';

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
