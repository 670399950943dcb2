/** RevyOps' contact fields, shared by Create and Update (same names in both, as stored in workflows). */
import type { INodeProperties } from 'n8n-workflow';

import { customFieldsField } from '../../../shared/fields';
import { MAX_CUSTOM_FIELD_VALUE_LENGTH } from './mapping';

/** The company: picked from a list, by ID, or by a domain RevyOps resolves. */
export function companyField(description: string): INodeProperties {
	return {
		displayName: 'Company',
		name: 'company',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a company...',
				typeOptions: { searchListMethod: 'searchCompanies', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1042',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9]+\\s*$',
							errorMessage: 'A RevyOps company ID is a whole number',
						},
					},
				],
			},
			{
				displayName: 'Domain',
				name: 'domain',
				type: 'string',
				placeholder: 'e.g. acme.com',
				hint: 'RevyOps looks the company up by this domain',
			},
		],
	};
}

export const linkedinUrlField: INodeProperties = {
	displayName: 'LinkedIn URL',
	name: 'linkedinUrl',
	type: 'string',
	default: '',
	placeholder: 'https://www.linkedin.com/in/jane-doe',
	description: "Address of the contact's LinkedIn profile",
};

/** Custom fields by name; `description` says what sending them does in this operation. */
export function revyOpsCustomFieldsField(description?: string): INodeProperties {
	return customFieldsField({
		displayName: 'Custom Fields',
		rowName: 'Field',
		description,
		key: {
			displayName: 'Field Name or ID',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomFieldNames' },
			default: '',
			description:
				'RevyOps knows custom fields by name: the list shows the names your contacts already use; type any other name with an expression. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		valueDescription: `At most ${MAX_CUSTOM_FIELD_VALUE_LENGTH} characters`,
	});
}

export const additionalFieldsField: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Contact Status',
			name: 'contactStatus',
			type: 'options',
			options: [
				{ name: 'Active', value: 'Active' },
				{ name: 'Bounced', value: 'Bounced' },
				{ name: 'Unsubscribed', value: 'Unsubscribed' },
			],
			default: 'Active',
			description:
				'Status of the contact in RevyOps. Any other status your workspace uses can be given as an expression.',
		},
		{
			displayName: 'Origin',
			name: 'origin',
			type: 'string',
			default: '',
			placeholder: 'e.g. n8n import',
			description: 'Where the contact came from, as RevyOps shows it',
		},
	],
};

const responseStructureOption: INodeProperties = {
	displayName: 'Response Structure',
	name: 'responseStructure',
	type: 'options',
	options: [
		{
			name: 'Flat',
			value: 'FLAT',
			description: 'Custom fields as one object with the field names as keys',
		},
		{
			name: 'Nested',
			value: 'NESTED',
			description: 'Custom fields as a list of {ID, field name, field value}',
		},
	],
	default: 'NESTED',
	description: 'How RevyOps shapes the custom fields of each contact in the output',
};

/** An operation's Options collection with RevyOps' Response Structure added after the shared entries. */
export function withResponseStructure(options: INodeProperties): INodeProperties {
	return { ...options, options: [...(options.options ?? []), responseStructureOption] };
}
