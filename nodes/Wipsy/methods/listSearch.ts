import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ApiClient } from '../../shared/transport';
import { contactLabel, matchesSearch } from '../actions/contact/read.mapping';
import { CONTACT_SCAN_LIMIT, wipsyApi } from '../api';
import { contactsFromList } from '../catalog';

/**
 * Contact picker: the newest contacts Wipsy lists (it has no search and no further pages),
 * searched here by name, email or phone.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await ApiClient.create(this, wipsyApi);
	const body = await client.request({
		method: 'GET',
		path: '/api-get-contacts',
		qs: { limit: CONTACT_SCAN_LIMIT },
	});
	const results = contactsFromList(body)
		.filter((contact) => contact?.id !== undefined && matchesSearch(contact, filter))
		.map((contact) => ({ name: contactLabel(contact), value: String(contact.id) }));
	return { results };
}
