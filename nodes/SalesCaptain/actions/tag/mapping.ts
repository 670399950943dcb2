/** Tags as users give them (picked IDs, or names by expression) -> the company's tag IDs. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { firstText } from '../../../shared/lists';
import { InputError, quote } from '../../../shared/validate';

const idOf = (tag: IDataObject) => firstText(tag, ['tag_id', 'id']);
const nameOf = (tag: IDataObject) => firstText(tag, ['tag_name', 'name', 'label']);

/**
 * Each given tag as the ID of one of the company's tags: an ID is kept, a name is looked up
 * regardless of case. A tag the company does not have fails the item before anything is sent,
 * naming the company's tags so the user can fix it.
 */
export function resolveTagIds(given: string[], companyTags: IDataObject[]): string[] {
	const ids = given.map((tag) => {
		const byId = companyTags.find((candidate) => idOf(candidate) === tag);
		if (byId) return tag;
		const byName = companyTags.filter(
			(candidate) => nameOf(candidate)?.toLowerCase() === tag.toLowerCase(),
		);
		if (byName.length === 1) return idOf(byName[0]) as string;
		const known = companyTags.map(nameOf).filter(Boolean).join(', ');
		if (byName.length > 1)
			throw new InputError(
				`Tag ${quote(tag)} names ${byName.length} tags of this company`,
				`Give the tag's ID instead: ${byName.map(idOf).join(', ')}.`,
			);
		throw new InputError(
			`Tag ${quote(tag)} is not a tag of this company`,
			known
				? `The company's tags are: ${known}. Give one of these names or its ID.`
				: 'The company has no tags yet: create them in SalesCaptain first.',
		);
	});
	return [...new Set(ids)];
}
