/**
 * What n8n said about the package in its logs. n8n reports a community package it cannot
 * load or dislikes (a deprecated property, a bad credential reference, a failed require) in
 * lines that name the package, its node types or its credential types; a clean load names
 * none of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LogLine {
	file: string;
	line: number;
	text: string;
}

/**
 * The lines of `log` that name any of `names`, once paths that merely contain a name are
 * taken out (`ignorePaths`: the runtime cache, whose folder carries the package name).
 */
export function linesNaming(
	log: string,
	names: string[],
	ignorePaths: string[] = [],
): Array<{ line: number; text: string }> {
	const found: Array<{ line: number; text: string }> = [];
	log.split('\n').forEach((text, index) => {
		let cleaned = text;
		for (const path of ignorePaths) cleaned = cleaned.split(path).join('<path>');
		if (names.some((name) => cleaned.includes(name))) found.push({ line: index + 1, text });
	});
	return found;
}

/** Every `*.log` in `dir` that n8n wrote (`n8n-*.log`, `execute-*.log`), scanned with `linesNaming`. */
export function n8nLogLinesNaming(
	dir: string,
	names: string[],
	ignorePaths: string[] = [],
): LogLine[] {
	return readdirSync(dir)
		.filter((file) => /^(n8n|execute)-.*\.log$/.test(file))
		.sort()
		.flatMap((file) =>
			linesNaming(readFileSync(join(dir, file), 'utf8'), names, ignorePaths).map((found) => ({
				file,
				...found,
			})),
		);
}
