/** Contactship's agents and outbound numbers: the call fields' dropdowns, and lookups for the operations. */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Paging } from '../../shared/lists';
import { fetchAllPages, findList, firstText, toOptions } from '../../shared/lists';
import type { ApiClient } from '../../shared/transport';
import { ApiClient as Client } from '../../shared/transport';
import { contactshipApi } from '../api';

/** GET /v1/agents answers `{statusCode, data: [...]}`; no paging is documented. */
export async function listAgents(client: ApiClient): Promise<IDataObject[]> {
	return findList(await client.request({ method: 'GET', path: '/v1/agents' }), ['data']);
}

/** An agent as shown in a list: its name, and the persona's name when it has one. */
function agentName(agent: IDataObject): string | undefined {
	const name = firstText(agent, ['name']);
	const person = firstText(agent, ['person_name']);
	return name && person && person !== name ? `${name} (${person})` : (name ?? person);
}

/** GET /v1/phone-numbers pages with `limit` (5 when not sent) and `offset`, total in `count`. */
const phoneNumberPaging: Paging = {
	pageSize: 100,
	query: (_pageIndex, pageSize, offset) => ({ limit: pageSize, offset, order: 'asc' }),
	total: (body) => {
		const count = (body as IDataObject | undefined)?.count;
		return typeof count === 'number' && Number.isFinite(count) ? count : undefined;
	},
};

/** Every outbound number of the organisation: `{id, phone_number, …}`. */
export async function listOutboundNumbers(client: ApiClient): Promise<IDataObject[]> {
	return await fetchAllPages(
		client,
		{ method: 'GET', path: '/v1/phone-numbers', qs: { type: 'outbound' } },
		phoneNumberPaging,
		(body) => findList(body, ['data']),
		{ idOf: (record) => record.id },
	);
}

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await Client.create(this, contactshipApi);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = toOptions(await listAgents(client), agentName, ['id'])
		.filter((option) => wanted === '' || option.name.toLowerCase().includes(wanted))
		.map((option) => ({ name: option.name, value: option.value }));
	return { results };
}

/** Agents for a plain dropdown (the trigger's and Get Many's agent filter). */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await Client.create(this, contactshipApi);
	return toOptions(await listAgents(client), agentName, ['id']);
}

export async function getOutboundNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const client = await Client.create(this, contactshipApi);
	return toOptions(await listOutboundNumbers(client), ['phone_number'], ['id']);
}
