/** What SalesCaptain's operations share: the company, the contact locator, custom fields and the reads behind them. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readContactRef } from '../../shared/contact';
import { contactLocatorField, customFieldsField } from '../../shared/fields';
import { findList } from '../../shared/lists';
import type { OperationRun } from '../../shared/operations';
import { apiPath } from '../../shared/transport';
import { checkUuid } from '../../shared/validate';
import type { CustomFieldDefinition } from './contact/mapping';

/** The company: every SalesCaptain contact belongs to one, and its lists (contacts, tags, fields) depend on it. */
export const companyField: INodeProperties = {
	displayName: 'Company Name or ID',
	name: 'company',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCompanies' },
	required: true,
	default: '',
	description:
		'The SalesCaptain company the contacts belong to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The contact an operation acts on: picked from the chosen company's contacts (searchable), or by its ID. */
export const contactField: INodeProperties = {
	...contactLocatorField({
		searchListMethod: 'searchContacts',
		idPlaceholder: 'e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479',
		idPattern: {
			regex:
				'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$',
			errorMessage: 'A SalesCaptain contact ID is a UUID',
		},
		description:
			"The contact to act on. From List searches the chosen company's contacts by name, phone or email.",
	}),
	typeOptions: { loadOptionsDependsOn: ['company'] },
};

/** The contact's ID from the `contact` locator: a UUID, as it goes into the request path. */
export function readContactId(parameters: IDataObject): string {
	return checkUuid(readContactRef(parameters.contact).value, 'Contact');
}

/** The company's custom fields as rows; `about` says what the rows do in this operation. */
export function customFieldsProperty(about?: string): INodeProperties {
	return customFieldsField({
		displayName: 'Custom Fields',
		rowName: 'Field',
		placeholder: 'Add Custom Field',
		...(about && { description: about }),
		key: {
			displayName: 'Field Name or ID',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: ['company'] },
			default: '',
			hint: "Choose the Company first: the list shows that company's custom fields",
			description:
				'A custom field of the chosen company, listed by label. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	});
}

/** A company's custom-field definitions, read once per company and run, when an item first needs them. */
export async function customFieldDefinitions(
	run: OperationRun,
	companyId: string,
): Promise<CustomFieldDefinition[]> {
	const purpose =
		"Reading the company's custom fields (needed to check the values against their types)";
	return await run.once(
		`customFields:${companyId}`,
		purpose,
		async () =>
			findList(
				await run.client.request({
					method: 'GET',
					path: apiPath`/v1/list-custom-fields/${companyId}`,
				}),
				['custom_fields.data', 'custom_fields'],
			) as unknown as CustomFieldDefinition[],
	);
}

/** A company's tags, read once per company and run (to find tags given by name). */
export async function companyTags(run: OperationRun, companyId: string): Promise<IDataObject[]> {
	return await run.once(`tags:${companyId}`, "Reading the company's tags", async () =>
		findList(
			await run.client.request({ method: 'GET', path: apiPath`/v1/list-tags/${companyId}` }),
			['tags.data', 'tags'],
		),
	);
}

/** An error passed on as n8n's own kind (n8n hands back an error of its kind unchanged). */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}
