import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { Paging } from '../../shared/lists';
import { fetchAllPages, findList, firstText, toOptions } from '../../shared/lists';
import { ApiClient } from '../../shared/transport';
import { contactshipApi } from '../api';

/**
 * GET /v1/tags pages with `limit` (5 when not sent) and `offset`, and reports the
 * organisation's total in `count`. Oldest first, so a tag created while the pages are
 * read lands at the end instead of shifting the offsets.
 */
export const tagPaging: Paging = {
	pageSize: 100,
	query: (_pageIndex, pageSize, offset) => ({ limit: pageSize, offset, order: 'asc' }),
	total: (body) => {
		const count = (body as IDataObject | undefined)?.count;
		return typeof count === 'number' && Number.isFinite(count) ? count : undefined;
	},
};

/**
 * Tag records -> dropdown options. A tag shows its `label` (Contactship's optional display
 * name) or else its `name`. Labels need not be unique, names are: a label that several tags
 * share gets the tag's name added (`Campaign (spring-webinar)`), so every tag can be told apart.
 */
export function tagsToOptions(records: IDataObject[]): INodePropertyOptions[] {
	const shown = (tag: IDataObject) => firstText(tag, ['label', 'name']);
	const shownById = new Map<string, string>();
	for (const tag of records) {
		const id = tag && typeof tag === 'object' ? firstText(tag, ['id']) : undefined;
		const text = id === undefined ? undefined : shown(tag);
		if (id !== undefined && text !== undefined && !shownById.has(id))
			shownById.set(id, text.toLowerCase());
	}
	const tagsShowing = new Map<string, number>();
	for (const text of shownById.values()) tagsShowing.set(text, (tagsShowing.get(text) ?? 0) + 1);
	return toOptions(
		records,
		(tag) => {
			const label = shown(tag);
			const name = firstText(tag, ['name']);
			const shared = label !== undefined && (tagsShowing.get(label.toLowerCase()) ?? 0) > 1;
			return shared && name !== undefined && name !== label ? `${label} (${name})` : label;
		},
		['id'],
	);
}

/** Every tag of the organisation (GET /v1/tags, all pages). */
export async function readAllTags(client: ApiClient): Promise<IDataObject[]> {
	return await fetchAllPages(client, { method: 'GET', path: '/v1/tags' }, tagPaging, (body) =>
		findList(body, ['data']),
	);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return tagsToOptions(await readAllTags(await ApiClient.create(this, contactshipApi)));
}
