import type { INodeProperties } from 'n8n-workflow';

/**
 * The description an AI Agent reads when the node is used as a tool. n8n's tool variant of a
 * node (`usableAsTool`) shows a field named `toolDescription` and sends its value to the model;
 * when the node already has one, n8n adds none of its own (whose automatic text is only
 * "Create a contact in <Vendor>"). Shown only in the tool variant (`@tool`), so the ordinary
 * node is unchanged, and prefilled with the rules the node checks so the model follows them.
 */
export function toolDescriptionField(recommended: string): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		default: recommended,
		required: true,
		typeOptions: { rows: 4 },
		displayOptions: { show: { '@tool': [true] } },
		description:
			'What the AI Agent reads about this tool. It starts with the rules the node checks; keep them when you edit it, so the model sends what the node accepts.',
	};
}
