/**
 * A node as an AI Agent tool, through n8n-core's createNodeAsTool: what the model is given
 * (the tool description and the JSON schema of its `$fromAI` inputs). The same steps as
 * test/nodes/aiTool.test.ts, shared for the suites of further operations.
 */
import type { INode, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { deepCopy, NodeHelpers } from 'n8n-workflow';
import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import { toJsonSchema } from '@langchain/core/utils/json_schema';

/** The tool variant n8n registers for a node with `usableAsTool`. */
function toolVariant(nodeType: INodeType): INodeTypeDescription {
	const description = deepCopy(nodeType.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = ['ai_tool'];
	delete description.usableAsTool;
	return description;
}

export interface ModelSide {
	description: string;
	/** Each input's JSON schema, by name. */
	schema: Record<string, { type?: string; description?: string }>;
	properties: string[];
	required: string[];
}

export function modelSide(nodeType: INodeType, parameters: INodeParameters): ModelSide {
	const description = toolVariant(nodeType);
	const node: INode = {
		id: 'tool-node',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-crm-contacts.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	node.parameters =
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			node,
			description,
		) ?? {};
	const { response: tool } = createNodeAsTool({
		node,
		nodeType: { description } as INodeType,
		handleToolInvocation: async () => '',
	});
	const schema = toJsonSchema(tool.schema) as {
		properties: ModelSide['schema'];
		required?: string[];
	};
	return {
		description: tool.description,
		schema: schema.properties,
		properties: Object.keys(schema.properties).sort(),
		required: [...(schema.required ?? [])].sort(),
	};
}

export const fromAI = (key: string, about: string, optional = false) =>
	optional
		? `={{ $fromAI('${key}', '${about}', 'string', '') }}`
		: `={{ $fromAI('${key}', '${about}', 'string') }}`;
