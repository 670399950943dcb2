import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { findList, toOptions } from '../../shared/lists';
import { ApiClient, apiPath } from '../../shared/transport';
import { checkUuid } from '../../shared/validate';
import { salesCaptainApi } from '../api';

/**
 * The company chosen in the node; lists that belong to a company are empty until one is.
 * It goes into the request path, so it must be a company ID (a UUID), nothing else.
 */
export function chosenCompany(ctx: ILoadOptionsFunctions): string | undefined {
	const companyId = String(ctx.getCurrentNodeParameter('company') ?? '').trim();
	return companyId === '' || companyId.startsWith('=')
		? undefined
		: checkUuid(companyId, 'Company');
}

export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await ApiClient.create(this, salesCaptainApi);
	const body = await client.request({ method: 'GET', path: '/v1/fetch-companies' });
	return toOptions(
		findList(body, ['companies.data', 'companies']),
		['company_name', 'name', 'title'],
		['company_id', 'id'],
	);
}

export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompany(this);
	if (!companyId) return [];
	const client = await ApiClient.create(this, salesCaptainApi);
	const body = await client.request({
		method: 'GET',
		path: apiPath`/v1/list-custom-fields/${companyId}`,
	});
	return toOptions(
		findList(body, ['custom_fields.data', 'custom_fields']),
		['cf_label', 'cf_name'],
		['cf_id'],
	);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompany(this);
	if (!companyId) return [];
	const client = await ApiClient.create(this, salesCaptainApi);
	const body = await client.request({ method: 'GET', path: apiPath`/v1/list-tags/${companyId}` });
	return toOptions(
		findList(body, ['tags.data', 'tags']),
		['tag_name', 'name', 'label'],
		['tag_id', 'id'],
	);
}
