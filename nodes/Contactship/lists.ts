import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { Paging } from '../shared/lists';
import { fetchAllPages, findList, toOptions } from '../shared/lists';
import { ApiClient } from '../shared/transport';
import { contactshipApi } from './api';

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

/** Tag records -> dropdown options: the display `label` when the tag has one, else its `name`. */
export function tagsToOptions(records: IDataObject[]): INodePropertyOptions[] {
	return toOptions(records, ['label', 'name'], ['id']);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await ApiClient.create(this, contactshipApi);
	const records = await fetchAllPages(client, { method: 'GET', path: '/v1/tags' }, tagPaging, (body) => findList(body, ['data']));
	return tagsToOptions(records);
}
