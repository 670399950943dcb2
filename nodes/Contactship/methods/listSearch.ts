import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findList } from '../../shared/lists';
import { ApiClient } from '../../shared/transport';
import { contactListName, toSearchQuery } from '../actions/contact/mapping';
import { contactshipApi } from '../api';

/**
 * The contact picker: GET /v1/contacts filtered by what was typed (name, email or phone
 * number, each a partial match). Contactship answers every match at once, so there is one page.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await ApiClient.create(this, contactshipApi);
	const body = await client.request({
		method: 'GET',
		path: '/v1/contacts',
		qs: toSearchQuery(filter),
	});
	const results = findList(body, [])
		.filter((contact) => contact && typeof contact === 'object' && contact.id)
		.map((contact) => ({ name: contactListName(contact), value: String(contact.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
