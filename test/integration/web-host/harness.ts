/**
 * A web host over the real app services (a fresh data directory, the embedded local bucket on any free
 * port, in-memory secret stores), serving a stand-in renderer folder, in this process. Plus raw HTTP
 * helpers: these tests must send exactly the Host, Origin and Cookie headers they mean to, which fetch
 * does not allow.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/core/app/index.js';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store.js';
import { SpoolStore, startWebHost, type SpoolLimits, type WebHost, type WebHostLimits } from '../../../electron/web-host/index.js';
import { spoolFormBody } from '../../unit/web-host/spool/spool-form-body.js';

/** A running host and what a test needs to reach it. */
export interface HostHarness {
  readonly host: WebHost;
  readonly services: AppServices;
  readonly spool: SpoolStore;
  readonly token: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** What a test may change. */
export interface HarnessOptions {
  readonly limits?: Partial<WebHostLimits>;
  readonly spoolLimits?: Partial<SpoolLimits>;
}

/** The stand-in renderer: a page, a script and a dot-file that must never be served. */
export const PAGE = '<!doctype html><title>Dropsign test page</title><script type="module" src="./assets/app.js"></script>\n';

/** Starts a host on any free port. */
export async function startHostHarness(options: HarnessOptions = {}): Promise<HostHarness> {
  const work = await mkdtemp(path.join(tmpdir(), 'dropsign-web-host-'));
  const rendererRoot = path.join(work, 'renderer');
  await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
  await writeFile(path.join(rendererRoot, 'index.html'), PAGE);
  await writeFile(path.join(rendererRoot, 'assets', 'app.js'), 'export {};\n');
  await writeFile(path.join(rendererRoot, 'assets', 'app.css'), 'body {}\n');
  await writeFile(path.join(rendererRoot, '.env'), 'SECRET=1\n');
  await writeFile(path.join(work, 'outside.txt'), 'not for the web\n');
  const dataDir = path.join(work, 'data');
  const spool = await SpoolStore.create(path.join(dataDir, 'web-spool'), options.spoolLimits);
  const memory = new MemorySecretStore();
  const services = await createAppServices({
    appDataDir: dataDir,
    face: 'browser',
    version: '0.0.0-test',
    env: {},
    home: work,
    localBucket: { port: 0 },
    secretStores: () => memory,
  });
  const host = await startWebHost({ services, spool, rendererRoot, port: 0, ...(options.limits === undefined ? {} : { limits: options.limits }) });
  return {
    host,
    services,
    spool,
    token: new URL(host.url).searchParams.get('token') ?? '',
    dataDir,
    async close() {
      await host.close();
      await services.close();
      await spool.dispose();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** A raw HTTP exchange's outcome. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What to send. `headers` are sent exactly as given (Host included; `host: ''` sends none). */
export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
}

/** Sends one request to the host's port and reads the whole answer. */
export function rawRequest(host: WebHost, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${host.port}`, ...request.headers };
    if (headers['host'] === '') delete headers['host'];
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: host.port, method: request.method ?? 'GET', path: request.path, headers, setHost: false, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** A file to spool: its relative path (`folder/name`) and bytes. */
export interface SpoolInput {
  readonly path: string;
  readonly body: Buffer | string;
}

/** Spools `files` in one request, as the page does: with the right token and Origin, unless `change` changes the headers. */
export async function spoolFiles(harness: HostHarness, files: readonly SpoolInput[], change: (headers: Record<string, string>) => void = () => undefined): Promise<RawResponse> {
  const form = await spoolFormBody(files);
  const headers: Record<string, string> = {
    origin: harness.host.origin,
    authorization: `Bearer ${harness.token}`,
    'content-type': form.contentType,
    'content-length': String(form.body.length),
  };
  change(headers);
  return rawRequest(harness.host, { method: 'POST', path: '/spool', headers, body: form.body });
}

/** The references of a spool answer, in order (undefined for a refused file). */
export function refsOf(response: RawResponse): (string | undefined)[] {
  const answer = JSON.parse(response.body) as { value?: { files: { ok: boolean; value?: { ref: string } }[] } };
  return (answer.value?.files ?? []).map((file) => file.value?.ref);
}

/** Spools one file and answers its reference. */
export async function spooledRef(harness: HostHarness, path: string, body: Buffer | string): Promise<string> {
  const [ref] = refsOf(await spoolFiles(harness, [{ path, body }]));
  if (ref === undefined) throw new Error(`${path} was not spooled`);
  return ref;
}
