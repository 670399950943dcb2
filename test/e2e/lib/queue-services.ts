/**
 * The two services n8n's queue mode needs, each a throwaway instance of Debian's package
 * (`bash scripts/ensure-queue-services.sh` installs them): a redis-server and a PostgreSQL
 * cluster, on free loopback ports of their own, with their data in a temporary folder that
 * is removed when they stop. Nothing is installed as a system service and no system path is
 * written. PostgreSQL refuses to run as root, so as root its cluster belongs to the
 * `postgres` user Debian's package creates.
 */
import { randomBytes } from 'node:crypto';
import {
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	realpathSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

import type { Started } from './processes';
import { freePort, removeOnExit, runCommand, startProcess } from './processes';

const INSTALL_HINT =
	"run `bash scripts/ensure-queue-services.sh` (installs Debian's redis-server and postgresql)";

export interface QueueServices {
	/** The settings every n8n process of the cluster (main and workers) needs for them. */
	n8nEnv: NodeJS.ProcessEnv;
	redisPort: number;
	postgresPort: number;
	stop(): Promise<void>;
}

/** Starts redis and PostgreSQL side by side; `logDir` gets their logs. */
export async function startQueueServices(logDir: string): Promise<QueueServices> {
	mkdirSync(logDir, { recursive: true });
	const [redis, postgres] = await Promise.all([startRedis(logDir), startPostgres(logDir)]);
	return {
		redisPort: redis.port,
		postgresPort: postgres.port,
		n8nEnv: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
		},
		stop: once(async () => {
			await Promise.all([redis.stop(), postgres.stop()]);
		}),
	};
}

/** A stop that does its work the first time and answers the same promise after. */
function once(stop: () => Promise<void>): () => Promise<void> {
	let stopping: Promise<void> | undefined;
	return async () => await (stopping ??= stop());
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export async function portOpen(port: number): Promise<boolean> {
	return await new Promise<boolean>((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Resolves once the service accepts TCP connections on 127.0.0.1:`port`. */
async function waitForPort(
	port: number,
	started: Started,
	name: string,
	logFile: string,
	timeoutMs = 60_000,
): Promise<void> {
	let exitCode: number | null | undefined;
	void started.exited.then((code) => (exitCode = code));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`${name} exited with ${exitCode}; see ${logFile}`);
		if (await portOpen(port)) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s; see ${logFile}`,
	);
}

function which(command: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		if (dir && existsSync(join(dir, command))) return join(dir, command);
	}
	return undefined;
}

async function startRedis(logDir: string) {
	const redisServer =
		which('redis-server') ??
		(existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
	if (!redisServer) throw new Error(`redis-server is not installed: ${INSTALL_HINT}`);
	const dir = mkdtempSync(join(tmpdir(), 'crm-contacts-redis-'));
	removeOnExit(dir);
	const port = await freePort();
	const logFile = join(logDir, 'redis.log');
	// In the foreground, no persistence, loopback only: a queue that lives as long as the test.
	const started = startProcess(
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--protected-mode',
			'yes',
		],
		{ cwd: dir, logFile },
	);
	await waitForPort(port, started, 'redis-server', logFile);
	return {
		port,
		stop: async () => {
			await started.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Where Debian keeps PostgreSQL's programs (not on PATH): the newest /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string {
	const onPath = which('initdb');
	// A link on PATH (e.g. /usr/local/bin/initdb) leads to the folder with the other programs.
	if (onPath) return dirname(realpathSync(onPath));
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
		: [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (versions.length === 0) throw new Error(`PostgreSQL is not installed: ${INSTALL_HINT}`);
	return join(root, versions[0], 'bin');
}

/** As root, the `postgres` user's ids (PostgreSQL will not run as root); otherwise the current user's. */
async function clusterOwner(): Promise<{ uid: number; gid: number } | undefined> {
	if (userInfo().uid !== 0) return undefined;
	const ids = async (flag: string) =>
		Number((await runCommand('id', [flag, 'postgres'], { allowFailure: true })).stdout.trim());
	const [uid, gid] = [await ids('-u'), await ids('-g')];
	if (!Number.isInteger(uid) || uid <= 0)
		throw new Error(
			`Running as root, PostgreSQL needs the "postgres" user Debian's package creates: ${INSTALL_HINT}`,
		);
	return { uid, gid };
}

async function startPostgres(logDir: string) {
	const bin = postgresBin();
	const owner = await clusterOwner();
	const root = mkdtempSync(join(tmpdir(), 'crm-contacts-postgres-'));
	removeOnExit(root);
	const dataDir = join(root, 'data');
	const user = 'n8n';
	const password = randomBytes(12).toString('hex');
	const passwordFile = join(root, 'password');
	writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
	if (owner) {
		chownSync(root, owner.uid, owner.gid);
		chownSync(passwordFile, owner.uid, owner.gid);
	}
	const asOwner = {
		...owner,
		cwd: root,
		env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
	};
	const logFile = join(logDir, 'postgres.log');
	await runCommand(
		join(bin, 'initdb'),
		[
			'-D',
			dataDir,
			'-U',
			user,
			`--pwfile=${passwordFile}`,
			'--auth-host=scram-sha-256',
			'--auth-local=peer',
			'-E',
			'UTF8',
		],
		{
			...asOwner,
			logFile,
		},
	);
	rmSync(passwordFile);
	const port = await freePort();
	// TCP on loopback only, no Unix socket (nothing is written to /var/run), fsync off: a throwaway cluster.
	const started = startProcess(
		join(bin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'max_connections=100',
		],
		{ ...asOwner, logFile },
	);
	await waitForPort(port, started, 'postgres', logFile);
	const database = 'n8n';
	await runCommand(
		join(bin, 'createdb'),
		['-h', '127.0.0.1', '-p', String(port), '-U', user, database],
		{
			env: { ...process.env, PGPASSWORD: password },
			logFile,
		},
	);
	return {
		port,
		database,
		user,
		password,
		stop: async () => {
			// A fast shutdown (clients are disconnected), then the folder goes.
			await runCommand(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w'], {
				...asOwner,
				logFile,
				allowFailure: true,
			});
			await started.stop();
			rmSync(root, { recursive: true, force: true });
		},
	};
}
