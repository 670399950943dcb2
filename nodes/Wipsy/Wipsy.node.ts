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
import { wipsyApi, wipsyPacing } from './api';
import { getCustomFields, getPipelineStages, getTags } from './methods/loadOptions';

/** What an AI Agent reads about this node as a tool: the rules the node checks (see shared/tool.ts). */
const TOOL_DESCRIPTION =
	"Creates one contact in Wipsy and returns it. Requires the contact's first name; last name, phone number and email are optional. Write a phone number with its country code, such as +14155551234; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.";

export class Wipsy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wipsy',
		name: 'wipsy',
		icon: { light: 'file:wipsy.svg', dark: 'file:wipsy.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in Wipsy CRM',
		defaults: { name: 'Wipsy' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wipsyApi', required: true }],
		properties: [...describeResources(resources), toolDescriptionField(TOOL_DESCRIPTION)],
	};

	methods = {
		loadOptions: withReadableErrors({ getCustomFields, getPipelineStages, getTags }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, wipsyApi, wipsyPacing, resources);
	}
}
