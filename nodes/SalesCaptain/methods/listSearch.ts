import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ApiClient, apiPath } from '../../shared/transport';
import { PAGE_SIZE } from '../actions/contact/getAll.operation';
import { contactLabel, contactsOfPage, totalContacts } from '../actions/contact/mapping';
import { salesCaptainApi } from '../api';
import { chosenCompany } from './loadOptions';

/**
 * The contact locator's "From List": the chosen company's contacts, searched by what the user
 * types (SalesCaptain's search_key matches name, phone and email), one page at a time.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const companyId = chosenCompany(this);
	if (!companyId) return { results: [] };
	const page = Math.max(1, Number(paginationToken) || 1);
	const client = await ApiClient.create(this, salesCaptainApi);
	const body = await client.request({
		method: 'GET',
		path: apiPath`/v1/list-contacts/${companyId}`,
		qs: {
			page_number: page,
			items_per_page: PAGE_SIZE,
			...(filter?.trim() && { search_key: filter.trim() }),
		},
	});
	const contacts = contactsOfPage(body);
	const total = totalContacts(body);
	const more = total === undefined ? contacts.length === PAGE_SIZE : page * PAGE_SIZE < total;
	return {
		results: contacts
			.filter((contact) => contact.contact_id !== undefined)
			.map((contact) => ({ name: contactLabel(contact), value: String(contact.contact_id) })),
		...(more && contacts.length > 0 && { paginationToken: String(page + 1) }),
	};
}
