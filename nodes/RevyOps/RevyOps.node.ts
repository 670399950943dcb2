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
import { revyOpsApi, revyOpsPacing } from './api';
import { searchCompanies } from './methods/listSearch';
import { getCustomFieldNames } from './methods/loadOptions';

/** What an AI Agent reads about this node as a tool: the rules the node checks (see shared/tool.ts). */
const TOOL_DESCRIPTION =
	'Creates one contact in RevyOps and returns it. Requires at least an email or a LinkedIn profile URL (both if known); first and last name are optional. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.';

export class RevyOps implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RevyOps',
		name: 'revyOps',
		icon: { light: 'file:revyOps.svg', dark: 'file:revyOps.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in RevyOps',
		defaults: { name: 'RevyOps' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'revyOpsApi', required: true }],
		properties: [...describeResources(resources), toolDescriptionField(TOOL_DESCRIPTION)],
	};

	methods = {
		loadOptions: withReadableErrors({ getCustomFieldNames }),
		listSearch: withReadableErrors({ searchCompanies }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, revyOpsApi, revyOpsPacing, resources);
	}
}
