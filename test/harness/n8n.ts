/**
 * Runs this package's nodes the way n8n does, with n8n-core's own engine: WorkflowExecute
 * for executions and LoadOptionsContext for dropdowns. Requests go out over real HTTP
 * (to the sandbox) through n8n's request helper, and credentials are applied by their
 * declared `authenticate` block, resolved like n8n's CredentialsHelper resolves it.
 */
import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression, NodeHelpers, Workflow } from 'n8n-workflow';

import { packageNodes, packageCredentials } from './package';

const nodeTypeMap = new Map<string, INodeType>(
	packageNodes.map((node) => [node.description.name, node]),
);
const credentialTypeMap = new Map<string, ICredentialType>(
	packageCredentials.map((credential) => [credential.name, credential]),
);

const nodeTypes: INodeTypes = {
	getByName: (name) => nodeType(name),
	getByNameAndVersion: (name) => nodeType(name),
	getKnownTypes: () => ({}),
};

function nodeType(name: string): INodeType {
	const type = nodeTypeMap.get(name.replace(/^.*\./, ''));
	if (!type) throw new Error(`Unknown node type ${name}`);
	return type;
}

/** Applies a credential type's `authenticate` block the way n8n's CLI does. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly values: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypeMap.get(typeName);
		if (!type?.authenticate) return requestOptions;
		if (typeof type.authenticate === 'function')
			return await type.authenticate(credentials, requestOptions);
		for (const [target, entries] of Object.entries(type.authenticate.properties)) {
			const options = requestOptions as unknown as Record<string, Record<string, string>>;
			options[target] = options[target] ?? {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				options[target][resolve(key, credentials, workflow!, node!)] = resolve(
					value,
					credentials,
					workflow!,
					node!,
				);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_data: IWorkflowExecuteAdditionalData,
		_details: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const values = this.values[type];
		if (!values) throw new Error(`No test credentials for ${type}`);
		// Fill defaults the way the credential form would (e.g. an unset optional field).
		const defaults = Object.fromEntries(
			(credentialTypeMap.get(type)?.properties ?? []).map((property) => [
				property.name,
				property.default,
			]),
		);
		return { ...defaults, ...values } as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return credentialTypeMap.get(type)?.properties ?? [];
	}
}

function resolve(
	value: string,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? String(resolved) : '';
}

function additionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: '',
		formWaitingBaseUrl: '',
		formTestBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		mcpBaseUrl: '',
		mcpTestBaseUrl: '',
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	/** The node's output items (first output), or undefined when the node failed. */
	items?: INodeExecutionData[];
	/** The error output's items, when the node runs with "Continue (using error output)". */
	errorItems?: INodeExecutionData[];
	/** The error the node stopped with, as n8n records it. */
	error?: {
		message: string;
		description?: string | null;
		httpCode?: string | null;
		context?: IDataObject;
	};
}

export interface RunOptions {
	/** The node type's short name, e.g. `salesCaptain`. */
	type: string;
	parameters: INodeParameters;
	/** Input items' JSON. */
	items: IDataObject[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** Settings → On Error, as a workflow saves it; overrides `continueOnFail`. */
	onError?: INode['onError'];
	/** Cancels the execution this long after it starts, as the editor's stop button does. */
	cancelAfterMs?: number;
}

function buildNode(
	type: string,
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	onError?: INode['onError'],
): INode {
	const description = nodeType(type).description;
	// Fill parameter defaults as the editor does before saving a workflow.
	const withDefaults =
		NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, null) ??
		parameters;
	return {
		id: 'node-under-test',
		name: description.defaults.name ?? type,
		type: `n8n-nodes-crm-contacts.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: withDefaults,
		credentials: Object.fromEntries(
			Object.keys(credentials).map((name) => [name, { id: '1', name }]),
		),
		onError,
	};
}

/** Executes one node over the given items through n8n's WorkflowExecute. */
export async function runNode(options: RunOptions): Promise<NodeRun> {
	const onError = options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	const node = buildNode(options.type, options.parameters, options.credentials, onError);
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const runExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node, data: { main: [options.items.map((json) => ({ json }))] }, source: null },
			],
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(
		additionalData(options.credentials, hooks),
		'manual',
		runExecutionData,
	);
	const running = execute.processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined)
		setTimeout(() => running.cancel(), options.cancelAfterMs);
	// A cancelled execution never settles `running`; its end is reported through the hook.
	const run = await Promise.race([done, running.then(async () => await done)]);
	const task = run.data.resultData.runData[node.name]?.[0];
	if (task?.error) {
		const error = task.error as unknown as NodeRun['error'] & IDataObject;
		return {
			error: {
				message: error.message,
				description: error.description,
				httpCode: error.httpCode as string | null,
				context: error.context,
			},
		};
	}
	const [items, errorItems] = task?.data?.main ?? [];
	return {
		items: items ?? [],
		...(onError === 'continueErrorOutput' ? { errorItems: errorItems ?? [] } : {}),
	};
}

export interface LoadOptionsRequest {
	type: string;
	method: string;
	/** The node's current parameters (what the editor sends along). */
	parameters?: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/** Calls a node's loadOptions method through n8n-core's LoadOptionsContext. */
export async function loadOptions(request: LoadOptionsRequest): Promise<INodePropertyOptions[]> {
	const node = buildNode(request.type, request.parameters ?? {}, request.credentials);
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const data = additionalData(request.credentials);
	data.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, data, 'parameters.placeholder');
	const method = (nodeType(request.type) as INodeType).methods?.loadOptions?.[request.method];
	if (!method) throw new Error(`No loadOptions method ${request.method}`);
	return await method.call(context);
}

export interface ListSearchRequest extends LoadOptionsRequest {
	/** What the user typed in the list's search box. */
	filter?: string;
	/** The token the previous page returned. */
	paginationToken?: string;
}

/** Calls a node's listSearch method (a resource locator's "From List" mode) through n8n-core's LoadOptionsContext. */
export async function listSearch(request: ListSearchRequest): Promise<INodeListSearchResult> {
	const node = buildNode(request.type, request.parameters ?? {}, request.credentials);
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const data = additionalData(request.credentials);
	data.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, data, 'parameters.placeholder');
	const method = (nodeType(request.type) as INodeType).methods?.listSearch?.[request.method];
	if (!method) throw new Error(`No listSearch method ${request.method}`);
	return await method.call(context, request.filter, request.paginationToken);
}

/** Sends a credential type's test request as n8n's credential test does (auth applied). */
export async function testCredential(
	type: string,
	values: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const credentialType = credentialTypeMap.get(type)!;
	const testNode = buildNode(
		packageNodes.find((node) => node.description.credentials?.some((c) => c.name === type))!
			.description.name,
		{},
		{ [type]: values },
	);
	const workflow = new Workflow({
		id: 'test',
		nodes: [testNode],
		connections: {},
		nodeTypes,
		active: false,
	});
	const data = additionalData({ [type]: values });
	const context = new LoadOptionsContext(workflow, testNode, data, 'parameters.placeholder');
	const request = credentialType.test!.request;
	const decrypted = await data.credentialsHelper.getDecrypted(
		data,
		{ id: '1', name: type },
		type,
		'internal',
	);
	const baseURL = resolve(String(request.baseURL ?? ''), decrypted, workflow, testNode);
	const url = resolve(String(request.url ?? ''), decrypted, workflow, testNode);
	return (await context.helpers.httpRequestWithAuthentication.call(context, type, {
		method: request.method ?? 'GET',
		url: `${baseURL.replace(/\/+$/, '')}${url}`,
		qs: request.qs,
		disableFollowRedirect: request.disableFollowRedirect,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IDataObject;
}

export type { IVersionedNodeType };

/** An n8n-core request context (LoadOptionsContext) for calling shared code directly. */
export function requestContext(
	type: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): LoadOptionsContext {
	const node = buildNode(type, {}, credentials);
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	return new LoadOptionsContext(
		workflow,
		node,
		additionalData(credentials),
		'parameters.placeholder',
	);
}

export interface PollOptions {
	/** The trigger node type's short name, e.g. `contactshipTrigger`. */
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data, kept by the caller between polls as n8n keeps it between runs. */
	staticData: IDataObject;
	/** `trigger` for an active workflow's poll, `manual` for the editor's "Fetch Test Event". */
	mode?: 'trigger' | 'manual';
}

/** One poll of a polling trigger through n8n-core's PollContext, as an active workflow runs it. */
export async function pollNode(options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const node = buildNode(options.type, options.parameters, options.credentials);
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: true,
		staticData: options.staticData,
	});
	const mode = options.mode ?? 'trigger';
	const context = new PollContext(
		workflow,
		node,
		additionalData(options.credentials),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	return await nodeType(options.type).poll!.call(context);
}
