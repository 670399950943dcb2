import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchAllPages, findList, firstText } from '../../shared/lists';
import { ApiClient } from '../../shared/transport';
import { AGENT_LIST_PATHS, agentName } from '../actions/call/mapping';
import { CONTACT_LIST_PATHS, CONTACT_PAGE_LIMIT, contactIdOf } from '../actions/contact/mapping';
import { thoughtlyApi } from '../api';

/** Agents read for the list at most (pages of 50): far more than a team has. */
const AGENT_MAX_PAGES = 10;

/** Contacts as list entries: "Name (+14155551234)", or the number alone. */
export function toContactResults(contacts: IDataObject[]): INodeListSearchResult['results'] {
	const results: INodeListSearchResult['results'] = [];
	for (const contact of contacts) {
		if (!contact || typeof contact !== 'object') continue;
		const id = contactIdOf(contact);
		if (id === undefined) continue;
		const name = firstText(contact, ['name']);
		const phone = firstText(contact, ['phone_number']);
		const label = name && phone ? `${name} (${phone})` : (name ?? phone ?? `Contact ${id}`);
		results.push({ name: label, value: id });
	}
	return results;
}

/** Contact picker: one page of 50 per call, searched by Thoughtly's `search`, in its order. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await ApiClient.create(this, thoughtlyApi);
	const page = Math.max(0, Number(paginationToken) || 0);
	const qs: IDataObject = { page, limit: CONTACT_PAGE_LIMIT };
	if (filter?.trim()) qs.search = filter.trim();
	const body = await client.request({ method: 'GET', path: '/contact', qs });
	const contacts = findList(body, CONTACT_LIST_PATHS);
	return {
		results: toContactResults(contacts),
		paginationToken: contacts.length >= CONTACT_PAGE_LIMIT ? String(page + 1) : undefined,
	};
}

/**
 * Agent picker: every agent (`GET /interview`, pages of 50), filtered here by the text typed
 * (the list endpoint documents no search), sorted by name.
 */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await ApiClient.create(this, thoughtlyApi);
	const agents = await fetchAllPages(
		client,
		{ method: 'GET', path: '/interview' },
		{
			pageSize: CONTACT_PAGE_LIMIT,
			query: (pageIndex, pageSize) => ({ page: pageIndex, limit: pageSize }),
			maxPages: AGENT_MAX_PAGES,
		},
		(body) => findList(body, AGENT_LIST_PATHS),
		{ idOf: (agent) => agent.id },
	);
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = agents
		.map((agent) => ({ id: firstText(agent, ['id']), name: agentName(agent) }))
		.filter((agent): agent is { id: string; name: string | undefined } => agent.id !== undefined)
		.map((agent) => ({ name: agent.name ?? `Agent ${agent.id}`, value: agent.id }))
		.filter((agent) => wanted === '' || agent.name.toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
