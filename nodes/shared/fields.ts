import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields every contact node offers, each with the one internal name it has in every node
 * (internal names are stored in users' workflows: after release, renaming one needs a new node
 * version). A node passes what differs: whether it is required, its placeholder, a sentence
 * about the vendor. `displayOptions` are added by `describeResources`, once per operation.
 */
/** Contact → Create in the Operation dropdown, worded the same in every node. */
export const createContactOption = {
	name: 'Create',
	value: 'create',
	description: 'Create a new contact',
	action: 'Create a contact',
};

export interface FieldText {
	required?: boolean;
	placeholder?: string;
	description?: string;
	hint?: string;
}

function textField(
	displayName: string,
	name: string,
	text: FieldText,
	placeholder: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		...(text.required && { required: true }),
		default: '',
		placeholder: text.placeholder ?? placeholder,
		...(text.description && { description: text.description }),
		...(text.hint && { hint: text.hint }),
	};
}

export const fullNameField = (text: FieldText = {}): INodeProperties =>
	textField('Full Name', 'fullName', text, 'Jane Doe');

export const firstNameField = (text: FieldText = {}): INodeProperties =>
	textField('First Name', 'firstName', text, 'Jane');

export const lastNameField = (text: FieldText = {}): INodeProperties =>
	textField('Last Name', 'lastName', text, 'Doe');

export const emailField = (text: FieldText = {}): INodeProperties =>
	textField('Email', 'email', text, 'name@email.com');

/** A phone number; the shared sentence on formats and Default Country comes first. */
export const phoneField = (text: FieldText = {}): INodeProperties =>
	textField(
		'Phone Number',
		'phone',
		{
			...text,
			description: [
				'Phone number with its country code, such as +14155551234. Spaces, dashes, dots, parentheses and a leading 00 are accepted; a number without a country code is read in Options → Default Country.',
				text.description,
			]
				.filter(Boolean)
				.join(' '),
		},
		'+14155551234',
	);

const CHOOSE_OR_EXPRESSION =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** Tags picked from a dropdown (IDs or names, as the vendor takes them), or given by expression. */
export function tagsField(
	loadOptionsMethod: string,
	about: string,
	dependsOn?: string[],
): INodeProperties {
	return {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod, ...(dependsOn && { loadOptionsDependsOn: dependsOn }) },
		default: [],
		description: `${about} ${CHOOSE_OR_EXPRESSION}`,
	};
}

/** The vendor's own fields as rows: `customFields.field[]` with `key`, `value` and any `extraColumns`. */
export interface CustomFieldsText {
	/** As the vendor calls them, e.g. "Custom Fields", "Additional Data", "Attributes". */
	displayName: string;
	/** One row's name, e.g. "Field", "Data Field", "Attribute". */
	rowName: string;
	/** The add button; `Add <rowName>` unless given. */
	placeholder?: string;
	description?: string;
	/** The key column: a dropdown of the vendor's fields, or free text. */
	key: Omit<INodeProperties, 'name'>;
	/** The value column's description, if it needs one. */
	valueDescription?: string;
	/** Columns besides key and value (e.g. a type), shown before them. */
	extraColumns?: INodeProperties[];
}

export function customFieldsField(text: CustomFieldsText): INodeProperties {
	return {
		displayName: text.displayName,
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: text.placeholder ?? `Add ${text.rowName}`,
		default: {},
		...(text.description && { description: text.description }),
		options: [
			{
				displayName: text.rowName,
				name: 'field',
				values: [
					...(text.extraColumns ?? []),
					{ ...text.key, name: 'key' } as INodeProperties,
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						...(text.valueDescription && { description: text.valueDescription }),
					},
				],
			},
		],
	};
}

/** Where `readRows` finds the rows of `customFieldsField`. */
export const CUSTOM_FIELD_ROWS = { group: 'field', keyName: 'key' } as const;
