/**
 * n8n in queue mode, as users scale it out: one main (editor, REST, webhooks; it puts each
 * production execution on the Redis queue) and `n8n worker` processes that take executions
 * from the queue, all sharing one PostgreSQL database and one encryption key.
 *
 * Each process gets a user folder of its own with the packed package installed in it, the
 * way n8n installs community packages: a worker loads community packages from its own user
 * folder when it starts (installed on the main alone, a worker fails the execution with
 * "Unrecognized node type"). Each process also gets its own task-broker port, and each
 * worker its own health port (`QUEUE_HEALTH_CHECK_PORT`, on loopback), which also tells
 * when it is ready.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RestClient } from './n8n';
import { N8nInstance } from './n8n';
import { installPackage } from './package';
import type { Started } from './processes';
import { freePort, startProcess } from './processes';
import type { QueueServices } from './queue-services';
import { startQueueServices } from './queue-services';
import type { Runtime } from './runtime';

export interface QueueClusterOptions {
	runtime: Runtime;
	/** The packed package (`buildAndPack`), installed into every process's user folder. */
	tarball: string;
	/** User folders go here (the caller removes it). */
	workDir: string;
	/** Logs of every process and service. */
	logDir: string;
	workers?: number;
	/** Executions each worker runs at once (`n8n worker --concurrency`; n8n's default is 10). */
	concurrency?: number;
	/** Settings for every n8n process on top of the queue ones (e.g. the benchmark's). */
	env?: NodeJS.ProcessEnv;
}

/** One `n8n worker` process. */
export class QueueWorker {
	readonly logFile: string;

	private process: Started | undefined;

	constructor(
		readonly name: string,
		readonly instance: N8nInstance,
		private readonly runtime: Runtime,
		logDir: string,
		private readonly concurrency: number,
	) {
		this.logFile = join(logDir, `n8n-${name}.log`);
	}

	get pid(): number | undefined {
		return this.process?.child.pid;
	}

	/** Starts the worker; resolves once its readiness endpoint answers 200 (database migrated, Redis connected). */
	async start(timeoutMs = 120_000): Promise<void> {
		const healthPort = await freePort();
		this.process = startProcess(
			this.runtime.nodeBin,
			[this.runtime.n8nBin, 'worker', `--concurrency=${this.concurrency}`],
			{
				env: this.instance.env({
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}),
				cwd: this.instance.userFolder,
				logFile: this.logFile,
			},
		);
		let exitCode: number | null | undefined;
		void this.process.exited.then((code) => (exitCode = code));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exitCode !== undefined)
				throw new Error(`n8n worker ${this.name} exited with ${exitCode}; see ${this.logFile}`);
			try {
				if ((await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok) return;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`n8n worker ${this.name} was not ready within ${timeoutMs / 1000} s; see ${this.logFile}`,
		);
	}

	/** The worker's log so far. */
	log(): string {
		return readFileSync(this.logFile, 'utf8');
	}

	/** Execution ids this worker logged as finished (`Worker finished execution <id> (job <job>)`). */
	finishedExecutions(): string[] {
		return [...this.log().matchAll(/Worker finished execution (\S+) \(job/g)].map(
			(match) => match[1],
		);
	}

	async stop(): Promise<void> {
		await this.process?.stop();
		this.process = undefined;
	}
}

export class QueueCluster {
	private constructor(
		readonly services: QueueServices,
		readonly main: N8nInstance,
		readonly workers: QueueWorker[],
	) {}

	/**
	 * Starts Redis and PostgreSQL and prepares a user folder with the package per process.
	 * Import credentials and workflows through `main.cli` (they go to the shared database),
	 * then `start()`.
	 */
	static async create(options: QueueClusterOptions): Promise<QueueCluster> {
		const services = await startQueueServices(options.logDir);
		const instance = async (name: string) => {
			const n8n = new N8nInstance({
				runtime: options.runtime,
				userFolder: join(options.workDir, name),
				removeUserFolder: false,
				logDir: options.logDir,
				env: { ...services.n8nEnv, ...options.env },
			});
			await installPackage(n8n.userFolder, options.tarball);
			return n8n;
		};
		const main = await instance('main');
		const workers: QueueWorker[] = [];
		for (let index = 1; index <= (options.workers ?? 2); index++) {
			workers.push(
				new QueueWorker(
					`worker-${index}`,
					await instance(`worker-${index}`),
					options.runtime,
					options.logDir,
					options.concurrency ?? 10,
				),
			);
		}
		return new QueueCluster(services, main, workers);
	}

	/**
	 * Starts the main (it migrates the database first, so it goes alone), creates the owner and
	 * logs in, then starts the workers side by side.
	 */
	async start(port: number): Promise<RestClient> {
		const rest = await this.main.start(port, await freePort());
		await rest.setupOwnerAndLogin();
		await Promise.all(this.workers.map(async (worker) => await worker.start()));
		return rest;
	}

	/** Which worker logged the execution as finished (undefined: none did). */
	workerThatRan(executionId: string): QueueWorker | undefined {
		return this.workers.find((worker) => worker.finishedExecutions().includes(executionId));
	}

	/** Workers first (they finish what they run), then the main, then the services. Safe to call twice. */
	async stop(): Promise<void> {
		await Promise.all(this.workers.map(async (worker) => await worker.stop()));
		await this.main.stop();
		await this.services.stop();
	}
}
