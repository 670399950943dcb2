import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runWithClient } from './execute';
import type { ItemResult, RunVendor } from './execute';
import type { PacingDefaults } from './properties';
import { toolDescriptionField } from './tool';
import type { ApiClient } from './transport';

/**
 * One operation of a node (Contact → Create, Contact → Get, …): what the Operation dropdown
 * shows, the fields it asks for, and what it does with one item. The fields are the single
 * source of their names: the item's values are read from them (`readParameters`), so an
 * operation never lists a parameter name a second time to fetch it.
 */
export interface Operation {
	/** The entry in the Operation dropdown (`value` is the stored operation name). */
	option: INodePropertyOptions & { value: string; action: string };
	/** Its fields, without `displayOptions` for resource and operation: `describeResources` adds them. */
	properties: INodeProperties[];
	/**
	 * What an AI Agent reads about the node as a tool when this operation is chosen: what it
	 * does and the rules the node checks (see shared/tool.ts).
	 */
	toolDescription: string;
	/**
	 * Runs one item; `parameters` holds the item's value of every field in `properties`.
	 * Returns the output item's JSON, or the list of records found (Get Many).
	 */
	execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
		itemIndex: number,
	): Promise<ItemResult>;
}

/** What the items of one node run share. */
export interface OperationRun {
	client: ApiClient;
	/**
	 * Loads something once per run however many items need it (e.g. a company's field
	 * definitions). `purpose` names it in the error every item that needed it gets if it fails.
	 */
	once<T>(key: string, purpose: string, load: () => Promise<T>): Promise<T>;
}

export interface Resource {
	/** The entry in the Resource dropdown (`value` is the stored resource name). */
	option: INodePropertyOptions & { value: string };
	operations: Operation[];
}

/** Adds `show` conditions to a field, keeping any it already has. */
function shownOn(
	property: INodeProperties,
	show: NonNullable<IDisplayOptions['show']>,
): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	};
}

/**
 * The node's properties: the Resource and Operation dropdowns, then every operation's fields
 * shown only on it, and for the AI tool variant each operation's own Tool Description.
 */
export function describeResources(resources: Resource[]): INodeProperties[] {
	const firstResource = resources[0].option.value;
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => resource.option),
		default: firstResource,
	};
	const operationSelectors: INodeProperties[] = resources.map((resource) => {
		const firstOperation = resource.operations[0].option.value;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.option.value] } },
			options: resource.operations.map((operation) => operation.option),
			default: firstOperation,
		};
	});
	const fields = resources.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			[...operation.properties, toolDescriptionField(operation.toolDescription)].map((property) =>
				shownOn(property, {
					resource: [resource.option.value],
					operation: [operation.option.value],
				}),
			),
		),
	);
	return [resourceSelector, ...operationSelectors, ...fields];
}

/** Fields that hold no value (notices): nothing to read for them. */
const WITHOUT_VALUE = new Set(['notice', 'callout', 'button']);

/** The item's value of every field, keyed by the field's name; a hidden field gives its default. */
export function readParameters(
	ctx: IExecuteFunctions,
	properties: INodeProperties[],
	itemIndex: number,
): IDataObject {
	const parameters: IDataObject = {};
	for (const property of properties) {
		if (WITHOUT_VALUE.has(property.type)) continue;
		parameters[property.name] = ctx.getNodeParameter(
			property.name,
			itemIndex,
			property.default,
		) as IDataObject[string];
	}
	return parameters;
}

/**
 * The value n8n gives "Custom API Call", the Resource and Operation entry it adds to every node
 * whose credential has an `authenticate` block. n8n runs nothing for it: the editor points to the
 * HTTP Request node, so executing the node has to say the same.
 */
export const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function customApiCallMessage(api: RunVendor): string {
	return `Custom API Call is made with the HTTP Request node, not with the ${api.displayName} node`;
}

function customApiCallHint(api: RunVendor): string {
	// n8n names a credential type by its display name; ours are all "<Vendor> API".
	return (
		`Add an HTTP Request node, set Authentication to "Predefined Credential Type", Credential Type to ` +
		`"${api.displayName} API" (${api.credentialType}) and pick your ${api.displayName} credential: n8n then sends ` +
		`its key with any ${api.displayName} endpoint you call. In this node, choose one of its own operations instead.`
	);
}

/**
 * A node's whole execute(): the chosen resource and operation (the same for every item, as
 * n8n does not let them vary), then that operation for every item through the shared executor.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	api: RunVendor,
	pacingDefaults: PacingDefaults,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	const resourceName = ctx.getNodeParameter('resource', 0) as string;
	// Hidden (so absent) when n8n's Custom API Call is the chosen resource.
	const operationName = ctx.getNodeParameter('operation', 0, '') as string;
	if (resourceName === CUSTOM_API_CALL || operationName === CUSTOM_API_CALL) {
		throw new NodeOperationError(ctx.getNode(), customApiCallMessage(api), {
			description: customApiCallHint(api),
		});
	}
	const operation = resources
		.find((resource) => resource.option.value === resourceName)
		?.operations.find((candidate) => candidate.option.value === operationName);
	if (!operation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operationName}" of "${resourceName}" is not supported by this node`,
		);
	}
	const loaded = new Map<string, Promise<unknown>>();
	const once = async <T>(key: string, purpose: string, load: () => Promise<T>): Promise<T> => {
		if (!loaded.has(key)) loaded.set(key, load());
		try {
			return await (loaded.get(key) as Promise<T>);
		} catch (error) {
			// One failure shared by every item that needed it; each gets an error of its own to carry its item number.
			const cause = error as NodeApiError;
			throw new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
				message: `${purpose} failed: ${cause.message}`,
				description: cause.description ?? undefined,
				httpCode: cause.httpCode ?? undefined,
			});
		}
	};
	return await runWithClient(ctx, api, pacingDefaults, async (client, itemIndex) =>
		operation.execute.call(
			ctx,
			{ client, once },
			readParameters(ctx, operation.properties, itemIndex),
			itemIndex,
		),
	);
}
