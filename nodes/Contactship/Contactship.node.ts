import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { withReadableErrors } from '../shared/lists';
import { describeResources, runOperation } from '../shared/operations';
import { toolDescriptionField } from '../shared/tool';
import { resources } from './actions/resources';
import { contactshipApi, contactshipPacing } from './api';
import { getTags } from './methods/loadOptions';

/** What an AI Agent reads about this node as a tool: the rules the node checks (see shared/tool.ts). */
const TOOL_DESCRIPTION =
	"Creates one contact in Contactship and returns it. Requires the contact's full name and phone number; the email is optional. Write the phone number with its country code, such as +12124567890; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.";

export class Contactship implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Contactship',
		name: 'contactship',
		icon: { light: 'file:contactship.svg', dark: 'file:contactship.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in Contactship',
		defaults: { name: 'Contactship' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'contactshipApi', required: true }],
		properties: [...describeResources(resources), toolDescriptionField(TOOL_DESCRIPTION)],
	};

	methods = {
		loadOptions: withReadableErrors({ getTags }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, contactshipApi, contactshipPacing, resources);
	}
}
