/**
 * A node as an AI Agent tool, through n8n-core's createNodeAsTool (the wrapper the AI Agent
 * puts around every node connected as a tool): what the model is given, the tool description
 * and the JSON schema it fills from the node's `$fromAI()` expressions. Every tool suite uses it.
 */
import type { INode, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { deepCopy, NodeHelpers } from 'n8n-workflow';
// n8n-core's tool wrapper (not in its index).
import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import { toJsonSchema } from '@langchain/core/utils/json_schema';

/**
 * The tool variant n8n registers for a node with `usableAsTool` (n8n's createAiTools and
 * convertNodeToAiTool, in the n8n package, not installed here): the name gets "Tool", its
 * output is an AI tool, and n8n adds its own Tool Description field only when the node has none.
 */
function toolVariant(nodeType: INodeType): INodeTypeDescription {
	const description = deepCopy(nodeType.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = ['ai_tool'];
	delete description.usableAsTool;
	return description;
}

/** The node as n8n stores and runs it: parameters completed with the defaults of the fields shown. */
export function configuredNode(
	description: INodeTypeDescription,
	parameters: INodeParameters,
): INode {
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
	return node;
}

export interface ModelSide {
	description: string;
	/** Each input's JSON schema, by name. */
	schema: Record<string, { type?: string; description?: string }>;
	/** The inputs' names, sorted. */
	properties: string[];
	/** The inputs the model must give, sorted. */
	required: string[];
}

/** What the model is given for the node, configured with `parameters`, as a tool. */
export function modelSide(nodeType: INodeType, parameters: INodeParameters): ModelSide {
	const description = toolVariant(nodeType);
	const { response: tool } = createNodeAsTool({
		node: configuredNode(description, parameters),
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

/** A `$fromAI` string input; an optional one carries an empty default, so the model may leave it out. */
export const fromAI = (key: string, about: string, optional = false) =>
	optional
		? `={{ $fromAI('${key}', '${about}', 'string', '') }}`
		: `={{ $fromAI('${key}', '${about}', 'string') }}`;
