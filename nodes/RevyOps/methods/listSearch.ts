import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findList, firstText } from '../../shared/lists';
import { ApiClient } from '../../shared/transport';
import { contactLabel, toContactSearch } from '../actions/contact/mapping';
import { MAX_PAGE_SIZE, revyOpsApi } from '../api';

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
export function hasNextPage(
	body: unknown,
	page: number,
	pageSize: number,
	received: number,
): boolean {
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
		paginationToken: hasNextPage(body, page, MAX_PAGE_SIZE, records.length)
			? String(page + 1)
			: undefined,
	};
}

/** One page of contacts -> resource-locator entries, named "First Last (email)". */
export function toContactResults(records: IDataObject[]): INodeListSearchResult['results'] {
	const results: INodeListSearchResult['results'] = [];
	for (const record of records) {
		if (!record || typeof record !== 'object') continue;
		const id = firstText(record, ['id']);
		if (id !== undefined) results.push({ name: contactLabel(record), value: id });
	}
	return results;
}

/** Contact picker: one page of contacts per call, searched by email or name through Get Many's filters. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await ApiClient.create(this, revyOpsApi);
	const page = Math.max(1, Number(paginationToken) || 1);
	const qs: IDataObject = { ...toContactSearch(filter), page, page_size: MAX_PAGE_SIZE };
	const body = await client.request({ method: 'GET', path: '/public/v2/contacts', qs });
	const records = findList(body, ['results']);
	return {
		results: toContactResults(records),
		paginationToken: hasNextPage(body, page, MAX_PAGE_SIZE, records.length)
			? String(page + 1)
			: undefined,
	};
}
