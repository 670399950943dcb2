/** Contactship's own contact fields, shared by Create and Update (same names in both). */
import type { INodeProperties } from 'n8n-workflow';

import { customFieldsField } from '../../../shared/fields';

export const countryField: INodeProperties = {
	displayName: 'Country',
	name: 'country',
	type: 'string',
	default: '',
	placeholder: 'Mexico',
	description: 'Country of the contact, as you want it shown in Contactship',
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Notes about the contact',
};

export function additionalDataField(description: string): INodeProperties {
	return customFieldsField({
		displayName: 'Additional Data',
		rowName: 'Data Field',
		description,
		extraColumns: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Date', value: 'date', description: 'An ISO 8601 date such as 2024-12-31' },
					{ name: 'Location', value: 'location', description: 'An address or place' },
					{ name: 'Number', value: 'number', description: 'Digits, with a dot for decimals' },
					{ name: 'Text', value: 'text' },
				],
				default: 'text',
				description:
					'How Contactship treats the value. Another type can be set with an expression.',
			},
		],
		key: {
			displayName: 'Field',
			type: 'string',
			default: '',
			placeholder: 'address',
			description: 'Name of the data field',
		},
	});
}
