import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchAllPages, findList } from '../../shared/lists';
import { ApiClient } from '../../shared/transport';
import { envelopeData, thoughtlyApi } from '../api';
import { CONTACT_LIST_PATHS, CONTACT_PAGE_LIMIT } from '../actions/contact/mapping';

/**
 * Thoughtly has no tag endpoint: tags are names stored on contacts. The dropdown reads the
 * team's contacts page by page (at most this many pages, so a large team's list still opens
 * quickly and stays far below the 100 requests a minute) and offers every tag it saw.
 */
export const TAG_SCAN_MAX_PAGES = 20;

function tagName(tag: unknown): string | undefined {
	if (typeof tag === 'string') return tag.trim() || undefined;
	if (tag && typeof tag === 'object') {
		for (const key of ['name', 'tag', 'label', 'title']) {
			const value = (tag as IDataObject)[key];
			if (typeof value === 'string' && value.trim() !== '') return value.trim();
		}
	}
	return undefined;
}

/** Distinct tag names used on these contacts, as dropdown options sorted by name. */
export function tagOptions(contacts: IDataObject[]): INodePropertyOptions[] {
	const names = new Set<string>();
	for (const contact of contacts) {
		const tags = contact && typeof contact === 'object' ? contact.tags : undefined;
		if (!Array.isArray(tags)) continue;
		for (const tag of tags) {
			const name = tagName(tag);
			if (name) names.add(name);
		}
	}
	return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}

/** A total count, if the contact list reports one (not documented; read when present). */
export function contactTotal(body: unknown): number | undefined {
	const data = envelopeData(body);
	if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
	for (const key of ['total', 'count', 'totalCount', 'total_count']) {
		const value = (data as IDataObject)[key];
		if (typeof value === 'number' && Number.isFinite(value)) return value;
	}
	return undefined;
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await ApiClient.create(this, thoughtlyApi);
	const contacts = await fetchAllPages(
		client,
		{ method: 'GET', path: '/contact' },
		{
			pageSize: CONTACT_PAGE_LIMIT,
			query: (pageIndex, pageSize) => ({ page: pageIndex, limit: pageSize }),
			total: contactTotal,
			maxPages: TAG_SCAN_MAX_PAGES,
		},
		(body) => findList(body, CONTACT_LIST_PATHS),
	);
	return tagOptions(contacts);
}
