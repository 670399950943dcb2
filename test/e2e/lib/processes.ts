/**
 * Child processes for the real-n8n tooling: every long-lived process is started in its own
 * process group (detached) so that stopping it also stops what it spawned (n8n's task
 * runners), and is remembered so that an exit, a failure or Ctrl-C stops it.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';

const running = new Set<ChildProcess>();
const cleanupPaths = new Set<string>();
let handlersInstalled = false;
let stopping = false;

/** True once stopAll() has begun (a process exiting then is expected, not a crash). */
export function isStopping(): boolean {
	return stopping;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

/** Synchronous last resort: on process exit nothing async runs any more. */
function stopAllNow(): void {
	for (const child of running) killGroup(child, 'SIGKILL');
	running.clear();
	for (const path of cleanupPaths) rmSync(path, { recursive: true, force: true });
	cleanupPaths.clear();
}

function installHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', stopAllNow);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			void stopAll().finally(() =>
				process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)),
			);
		});
	}
}

/** A folder removed when everything stops (also on Ctrl-C or a crash). */
export function removeOnExit(path: string): void {
	installHandlers();
	cleanupPaths.add(path);
}

export interface Started {
	child: ChildProcess;
	/** Resolves with the exit code (or null when killed by a signal). */
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

/**
 * Starts a long-lived process in its own group. Output goes to `logFile` (and to the
 * optional `onLine` listener, line by line, for readiness messages).
 */
export function startProcess(
	command: string,
	args: string[],
	options: SpawnOptions & { logFile: string; onLine?: (line: string) => void },
): Started {
	installHandlers();
	const log = createWriteStream(options.logFile, { flags: 'a' });
	const child = spawn(command, args, {
		...options,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let buffered = '';
	const onData = (chunk: Buffer) => {
		log.write(chunk);
		if (!options.onLine) return;
		buffered += chunk.toString('utf8');
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const line of lines) options.onLine(line);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', (code) => {
			running.delete(child);
			resolve(code);
		});
		child.on('error', () => {
			running.delete(child);
			resolve(null);
		});
	});
	void exited.then(() => log.end());
	return { child, exited, stop: async () => await stopProcess(child, exited) };
}

/** SIGTERM to the whole group, SIGKILL if it is still there after `graceMs`. */
async function stopProcess(
	child: ChildProcess,
	exited: Promise<unknown>,
	graceMs = 5000,
): Promise<void> {
	const pid = child.pid;
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	// The leader is gone; anything it spawned that is still in its group goes too.
	if (pid !== undefined) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// Nothing left.
		}
	}
	running.delete(child);
}

/** Stops every process started here and removes every registered folder. */
export async function stopAll(): Promise<void> {
	stopping = true;
	await Promise.all(
		[...running].map(async (child) => {
			const exited = new Promise<void>((resolve) =>
				child.exitCode !== null || child.signalCode !== null
					? resolve()
					: child.once('exit', () => resolve()),
			);
			await stopProcess(child, exited);
		}),
	);
	running.clear();
	for (const path of cleanupPaths) rmSync(path, { recursive: true, force: true });
	cleanupPaths.clear();
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs a command to completion (in its own group, so a Ctrl-C cleanup reaches it too).
 * Rejects on a non-zero exit unless `allowFailure`.
 */
export async function runCommand(
	command: string,
	args: string[],
	options: SpawnOptions & {
		allowFailure?: boolean;
		logFile?: string;
		timeoutMs?: number;
		onSpawn?: (child: ChildProcess) => void;
	} = {},
): Promise<RunResult> {
	installHandlers();
	const child = spawn(command, args, {
		...options,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	options.onSpawn?.(child);
	const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		stdout += chunk.toString('utf8');
		log?.write(chunk);
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
		log?.write(chunk);
	});
	const timer = options.timeoutMs
		? setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs)
		: undefined;
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (exitCode) => resolve(exitCode));
	}).finally(() => {
		running.delete(child);
		if (timer) clearTimeout(timer);
		log?.end();
	});
	if (code !== 0 && !options.allowFailure) {
		const tail = (stderr || stdout).split('\n').slice(-30).join('\n');
		throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`);
	}
	return { code, stdout, stderr };
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
	const { createServer } = await import('node:net');
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
