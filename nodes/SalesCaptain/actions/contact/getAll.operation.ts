import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../shared/contact';
import { getManyContactsOption, limitField, returnAllField } from '../../../shared/fields';
import { fetchAllPages } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { salesCaptainPacing } from '../../api';
import { companyField } from '../common';
import { contactsOfPage, readCompany, toListQuery, totalContacts } from './mapping';

/** The most contacts SalesCaptain gives per page (`items_per_page` 10–100). */
export const PAGE_SIZE = 100;
/** Return All's safety stop: a million contacts. The reported total ends the reading long before. */
const MAX_PAGES = 10_000;

/** GET /v1/list-contacts/{company_id} (FACT), page by page: one output item per contact. */
export const getAll: Operation = {
	option: getManyContactsOption,
	toolDescription:
		"Lists a SalesCaptain company's contacts, or searches them: Search matches part of a name, phone number or email. Returns one result per contact found (none when nothing matches), each with its contact_id, tags and custom fields. Use it to check whether a person exists before creating them.",
	properties: [
		companyField,
		returnAllField,
		limitField(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Search',
					name: 'searchKey',
					type: 'string',
					default: '',
					placeholder: 'e.g. +14155551234 or jane@example.com',
					description:
						"Only contacts whose name, phone number or email contains this text (SalesCaptain's search_key)",
				},
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					options: [
						{ name: 'Created At', value: 'created_at' },
						{ name: 'Email', value: 'email' },
						{ name: 'Name', value: 'name' },
						{ name: 'Phone Number', value: 'number' },
					],
					default: 'created_at',
					description: 'The order SalesCaptain lists the contacts in',
				},
				{
					displayName: 'Sort Direction',
					name: 'sortDirection',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
					default: 'asc',
					description: 'Used with Sort By',
				},
				{
					displayName: 'Channel',
					name: 'channel',
					type: 'string',
					default: '',
					description:
						"Only contacts of this channel, written as SalesCaptain names it (sent as the list's filter parameter)",
				},
			],
		},
		operationOptions('SalesCaptain', salesCaptainPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject[]> {
		const companyId = readCompany(parameters);
		const query = toListQuery(parameters.filters);
		const limit = readLimit(parameters);
		return await fetchAllPages(
			run.client,
			{ method: 'GET', path: apiPath`/v1/list-contacts/${companyId}`, qs: query },
			{
				pageSize: PAGE_SIZE,
				query: (pageIndex, pageSize) => ({ page_number: pageIndex + 1, items_per_page: pageSize }),
				total: totalContacts,
				maxPages: MAX_PAGES,
			},
			contactsOfPage,
			{ limit, idOf: (contact) => contact.contact_id },
		);
	},
};
