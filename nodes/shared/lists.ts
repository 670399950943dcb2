import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiClient, ApiRequest } from './transport';
import { InputError } from './validate';

/** Keys under which list endpoints commonly put their records, tried after the documented path. */
const COMMON_LIST_KEYS = ['data', 'results', 'items', 'records'];

function isRecordArray(value: unknown): value is IDataObject[] {
	return Array.isArray(value);
}

function at(body: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			body,
		);
}

/**
 * The records of a list response. `paths` are the documented (or most likely) locations,
 * such as `companies.data`; then a bare array, the common keys (`data`, `results`, …) and
 * their nested forms (`companies.data`, `data.contacts`) are tried. Never throws: an
 * unknown shape gives an empty list.
 */
export function findList(body: unknown, paths: string[] = []): IDataObject[] {
	for (const path of paths) {
		const value = at(body, path);
		if (isRecordArray(value)) return value;
		if (value && typeof value === 'object') {
			const nested = findList(value);
			if (nested.length) return nested;
		}
	}
	if (isRecordArray(body)) return body;
	if (!body || typeof body !== 'object') return [];
	for (const key of COMMON_LIST_KEYS) {
		const value = (body as IDataObject)[key];
		if (isRecordArray(value)) return value;
	}
	// A single array anywhere one level down ({companies: [...]}, {data: {contacts: [...]}}).
	for (const value of Object.values(body as IDataObject)) {
		if (isRecordArray(value)) return value;
		if (value && typeof value === 'object') {
			const inner = Object.values(value as IDataObject).find(isRecordArray);
			if (inner) return inner as IDataObject[];
		}
	}
	return [];
}

/** First non-empty text among the given keys of a record. */
export function firstText(record: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = record[key];
		if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
			return String(value);
	}
	return undefined;
}

/**
 * Dropdown options from records: one per distinct value, named by `nameOf` (or the first of
 * these keys that has text), sorted by name. Options that would read the same get their
 * value added (`Hot Lead (tag-2)`), so every choice can be told apart.
 */
export function toOptions(
	records: IDataObject[],
	nameOf: string[] | ((record: IDataObject) => string | undefined),
	valueKeys: string[],
): INodePropertyOptions[] {
	const name =
		typeof nameOf === 'function' ? nameOf : (record: IDataObject) => firstText(record, nameOf);
	const byValue = new Map<string, INodePropertyOptions>();
	for (const record of records) {
		if (!record || typeof record !== 'object') continue;
		const value = firstText(record, valueKeys);
		if (value === undefined || byValue.has(value)) continue;
		byValue.set(value, { name: name(record) ?? value, value });
	}
	return distinctNames([...byValue.values()]).sort((a, b) => a.name.localeCompare(b.name));
}

/** Adds the value to every option whose name another option also has. */
export function distinctNames(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const count = new Map<string, number>();
	for (const option of options)
		count.set(option.name.toLowerCase(), (count.get(option.name.toLowerCase()) ?? 0) + 1);
	return options.map((option) =>
		(count.get(option.name.toLowerCase()) ?? 0) > 1 && option.name !== String(option.value)
			? { ...option, name: `${option.name} (${String(option.value)})` }
			: option,
	);
}

/** A loadOptions or listSearch method, whatever arguments it takes. */
type DropdownMethod = (this: ILoadOptionsFunctions, ...args: never[]) => Promise<unknown>;

/**
 * Dropdown (loadOptions and listSearch) methods whose failures reach n8n's editor as text.
 * n8n's editor receives a NodeApiError from these methods as a bare object and prints
 * "[object Object]" (n8n 2.41), then empties the lists that depend on it; any other error
 * arrives as its message. So a failure is passed on as a NodeOperationError with the same
 * message (the vendor's words, secrets already masked) and description.
 */
export function withReadableErrors<Methods extends Record<string, DropdownMethod>>(
	methods: Methods,
): Methods {
	const wrapped: Record<string, DropdownMethod> = {};
	for (const [name, method] of Object.entries(methods)) {
		wrapped[name] = async function (this: ILoadOptionsFunctions, ...args: unknown[]) {
			try {
				return await (
					method as (this: ILoadOptionsFunctions, ...rest: unknown[]) => Promise<unknown>
				).apply(this, args);
			} catch (error) {
				throw readableError(this, error);
			}
		};
	}
	return wrapped as Methods;
}

function readableError(ctx: ILoadOptionsFunctions, error: unknown): unknown {
	if (error instanceof NodeApiError) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			description: error.description ?? undefined,
		});
	}
	if (error instanceof InputError)
		return new NodeOperationError(ctx.getNode(), error.message, { description: error.hint });
	return error;
}

/** How a list endpoint pages. */
export interface Paging {
	pageSize: number;
	/** Query parameters for the page with this 0-based index; `offset` = records read so far. */
	query: (pageIndex: number, pageSize: number, offset: number) => IDataObject;
	/** Total number of records, when the response says. */
	total?: (body: unknown) => number | undefined;
	/** Safety stop for endpoints that never run out. */
	maxPages?: number;
}

/** How far `fetchAllPages` reads. */
export interface PagesWanted {
	/** Stop once this many records are read (Get Many's Limit); all when undefined. */
	limit?: number;
	/**
	 * A record's identity: records seen before are dropped, and a page that brings nothing new
	 * ends the reading (a vendor that repeats a page instead of running out).
	 */
	idOf?: (record: IDataObject) => unknown;
}

/**
 * Every record of a paged list: pages are read until one comes back empty, the reported
 * total is reached (or, with no total, a page comes back short), `limit` records are read,
 * a page repeats what was read (`idOf`), or `maxPages` were read. With a total, a short page
 * does not stop the reading: the vendor may cap the page size.
 */
export async function fetchAllPages(
	client: ApiClient,
	request: ApiRequest,
	paging: Paging,
	readPage: (body: unknown) => IDataObject[],
	wanted: PagesWanted = {},
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const seen = new Set<unknown>();
	const maxPages = paging.maxPages ?? 100;
	const { limit, idOf } = wanted;
	for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
		const body = await client.request({
			...request,
			qs: { ...request.qs, ...paging.query(pageIndex, paging.pageSize, records.length) },
		});
		const page = readPage(body);
		const fresh = idOf
			? page.filter((record) => {
					const id = idOf(record);
					if (id === undefined || id === null) return true;
					if (seen.has(id)) return false;
					seen.add(id);
					return true;
				})
			: page;
		records.push(...fresh);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		const total = paging.total?.(body);
		const done = total === undefined ? page.length < paging.pageSize : records.length >= total;
		if (page.length === 0 || fresh.length === 0 || done) break;
	}
	return records;
}
