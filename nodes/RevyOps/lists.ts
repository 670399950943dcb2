import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { fetchAllPages, findList, firstText } from '../shared/lists';
import { ApiClient } from '../shared/transport';
import { MAX_PAGE_SIZE, revyOpsApi, revyOpsPaging } from './api';

/** Contacts read for the custom-field names in use: five pages of 100. */
const CUSTOM_FIELD_SCAN_PAGES = 5;

/** One page of companies -> resource-locator entries, named "Name (domain)". */
export function toCompanyResults(records: IDataObject[]): INodeListSearchResult['results'] {
	const results: INodeListSearchResult['results'] = [];
	for (const record of records) {
		if (!record || typeof record !== 'object') continue;
		const id = firstText(record, ['id', 'company_id']);
		if (id === undefined) continue;
		const name = firstText(record, ['name', 'company_name']);
		const domain = firstText(record, ['domain']);
		const label = name && domain ? `${name} (${domain})` : (name ?? domain ?? `Company ${id}`);
		results.push({ name: label, value: id });
	}
	return results;
}

/** Whether a companies page says there are more: `next` when present, else `count`, else a full page. */
export function hasNextPage(body: unknown, page: number, pageSize: number, received: number): boolean {
	const record = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if ('next' in record) return Boolean(record.next);
	if (typeof record.count === 'number') return page * pageSize < record.count;
	return received >= pageSize;
}

/** Company picker: one page of companies per call, searched by name, in RevyOps' order. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await ApiClient.create(this, revyOpsApi);
	const page = Math.max(1, Number(paginationToken) || 1);
	const qs: IDataObject = { page, page_size: MAX_PAGE_SIZE };
	const name = filter?.trim();
	if (name) qs.name = name;
	const body = await client.request({ method: 'GET', path: '/public/v2/companies', qs });
	const records = findList(body, ['results']);
	return {
		results: toCompanyResults(records),
		paginationToken: hasNextPage(body, page, MAX_PAGE_SIZE, records.length) ? String(page + 1) : undefined,
	};
}

/**
 * Custom field names found on contacts: the keys of `contact_custom_fields` in the FLAT
 * structure, or the `field_name`s when a NESTED list comes back.
 */
export function customFieldNames(contacts: IDataObject[]): INodePropertyOptions[] {
	const names = new Map<string, string>();
	const add = (name: unknown) => {
		if (typeof name !== 'string' || name.trim() === '') return;
		const key = name.toLowerCase();
		if (!names.has(key)) names.set(key, name);
	};
	for (const contact of contacts) {
		const fields = contact?.contact_custom_fields;
		if (Array.isArray(fields)) {
			for (const field of fields) add((field as IDataObject)?.field_name);
		} else if (fields && typeof fields === 'object') {
			Object.keys(fields).forEach(add);
		}
	}
	return [...names.values()].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}

/** RevyOps has no list of field definitions: collect the names the workspace's contacts use. */
export async function getCustomFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await ApiClient.create(this, revyOpsApi);
	const contacts = await fetchAllPages(
		client,
		{ method: 'GET', path: '/public/v2/contacts', qs: { structure: 'FLAT' } },
		revyOpsPaging(CUSTOM_FIELD_SCAN_PAGES),
		(body) => findList(body, ['results']),
	);
	return customFieldNames(contacts);
}
