// `npm run scan`: the checks of n8n's community-package scanner (@n8n/scan-community-package),
// run offline. Its CLI only scans published packages with provenance, so this calls the
// rule set it exports on the two things it scans: the source tree (nodes/, credentials/,
// package.json) and the packed tarball (compiled .js and the published package.json).
// Errors fail the run; warnings fail it too, unless listed below as accepted, with a reason.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Warnings kept on purpose, each with its reason. Anything else fails the scan. */
const ACCEPTED_WARNINGS = [
	{
		file: 'credentials/RevyOpsApi.credentials.ts',
		rule: '@n8n/community-nodes/credential-unnecessary-password',
		why: 'RevyOps tells users to keep the client_id secret, so the field stays masked',
	},
];

function accepted(file, message) {
	return ACCEPTED_WARNINGS.find(
		(entry) => message.severity === 1 && message.ruleId === entry.rule && file.endsWith(entry.file),
	);
}

async function lint(label, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	for (const result of results) {
		const kept = result.messages.filter((message) => !accepted(result.filePath, message));
		for (const message of result.messages.filter((m) => accepted(result.filePath, m))) {
			console.log(
				`accepted warning ${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId}: ${accepted(result.filePath, message).why}`,
			);
		}
		result.warningCount -= result.messages.length - kept.length;
		result.messages = kept;
	}
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	const report = await (await eslint.loadFormatter('stylish')).format(results);
	console.log(`${label}: ${files.length} files, ${errors} errors, ${warnings} warnings`);
	if (report.trim()) console.log(report);
	return errors + warnings;
}

const work = mkdtempSync(path.join(tmpdir(), 'crm-contacts-scan-'));
try {
	let problems = await lint('source tree', root, SOURCE_FILE_PATTERNS);
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
	problems += await lint(`packed tarball (${tarball})`, unpacked, ['**/*.js', 'package.json']);
	if (problems > 0) process.exitCode = 1;
	else console.log('scan: 0 errors, 0 warnings');
} finally {
	rmSync(work, { recursive: true, force: true });
}
