import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Every response an e2e suite receives is checked against the OpenAPI document the server serves
 * (/api/docs-json): the status must be one the operation documents, and a JSON body must match the
 * schema documented for that status. The document is fetched and loaded once per suite (jest gives
 * each test file its own module registry), each operation's schema compiled once, on first use.
 *
 * The check is stricter than the document in one way: an object may not carry a property its schema
 * does not list (the document leaves objects open, so that adding a field is not a breaking change
 * for clients; the tests make sure no field is served undocumented).
 */

type Schema = Record<string, unknown>;
type Responses = Record<string, { content?: Record<string, { schema?: Schema }> }>;
type Operation = Readonly<{ id: string; method: string; template: string; pattern: RegExp; literals: number; responses: Responses; pointer: string }>;
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; responses: Responses }>>;
  components?: { schemas?: Record<string, Schema> };
};

const DOC_ID = 'openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Objects that list their properties may have no others (see above); maps (additionalProperties) stay as documented. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (typeof node !== 'object' || node === null) return;
  const o = node as Schema;
  for (const value of Object.values(o)) closeObjects(value);
  if (typeof o.properties === 'object' && o.additionalProperties === undefined && o.unevaluatedProperties === undefined) o.unevaluatedProperties = false;
}

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    const copy = JSON.parse(JSON.stringify(document)) as OpenApiDocument;
    closeObjects(copy.components?.schemas);
    closeObjects(copy.paths);
    // strict: false lets OpenAPI's own keywords (example, description of a $ref, …) pass.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...copy, $id: DOC_ID } as unknown as Schema);
    this.operations = Object.entries(copy.paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({
          id: op.operationId ?? `${method} ${template}`,
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          responses: op.responses,
          pointer: `#/paths/${escapePointer(template)}/${method}/responses`,
        })),
    );
  }

  /** The operation a request reaches: the literal segment beats a path parameter (`/households/stats` over `/households/{id}`). */
  operation(method: string, path: string): Operation | null {
    const bare = path.split('?')[0]!;
    const matches = this.operations.filter((o) => o.method === method.toUpperCase() && o.pattern.test(bare));
    return matches.sort((a, b) => b.literals - a.literals)[0] ?? null;
  }

  /** null when the response is what the document says; otherwise why not. */
  check(method: string, path: string, status: number, body: unknown, contentType: string | null): string | null {
    const bare = path.split('?')[0]!;
    // The document itself and its UI are not operations of the API.
    if (bare.startsWith('/api/docs')) return null;
    const op = this.operation(method, path);
    if (op === null) {
      // A route the API does not have: Fastify answers 404 and nothing else is acceptable.
      return status === 404 ? null : `${method} ${bare} is not in the document, yet answered ${status}`;
    }
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => op.responses[k] !== undefined);
    const where = `${op.id} (${method} ${op.template}) answered ${status}`;
    if (key === undefined)
      return `${where}, which the document does not list (documented: ${Object.keys(op.responses).join(', ')}); body: ${JSON.stringify(body).slice(0, 500)}`;
    const content = op.responses[key]!.content;
    if (content === undefined) return null;
    const essence = (type: string) => type.split(';')[0]!.trim().toLowerCase();
    const mediaType = essence(contentType ?? 'application/json');
    const documented = Object.keys(content).find((type) => essence(type) === mediaType);
    if (documented === undefined) return `${where} with Content-Type ${mediaType}, not one documented (${Object.keys(content).join(', ')})`;
    // Files (HTML, CSV, XLSX, …) are checked for their media type only; JSON against its schema.
    if (mediaType !== 'application/json') return null;
    if (content[documented]?.schema === undefined) return `${where}: the document has no JSON schema for it`;
    const validate = this.validator(`${op.pointer}/${escapePointer(key)}/content/${escapePointer(documented)}/schema`);
    if (validate(body)) return null;
    return `${where} with a body that does not match its schema:\n${formatErrors(validate.errors ?? [])}\nbody: ${JSON.stringify(body).slice(0, 2000)}`;
  }

  /** null when `value` matches the named schema of the document's components; otherwise why not (e.g. each event of a stream). */
  checkComponent(name: string, value: unknown): string | null {
    if (this.document.components?.schemas?.[name] === undefined) return `the document has no schema ${name}`;
    const validate = this.validator(`#/components/schemas/${escapePointer(name)}`);
    if (validate(value)) return null;
    return `${name} does not match:\n${formatErrors(validate.errors ?? [])}\nvalue: ${JSON.stringify(value).slice(0, 2000)}`;
  }

  private validator(pointer: string): ValidateFunction {
    let v = this.validators.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.validators.set(pointer, v);
    }
    return v;
  }
}

const formatErrors = (errors: readonly ErrorObject[]) =>
  errors
    .slice(0, 20)
    .map(
      (e) =>
        `  ${e.instancePath || '(root)'} ${e.message ?? ''}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''} [${e.schemaPath}]`,
    )
    .join('\n');

let loaded: Promise<Contract> | null = null;

/** The document served at `url`, loaded once per suite (the same code serves the same document). */
export function contractAt(url: string): Promise<Contract> {
  loaded ??= fetch(`${url}/api/docs-json`).then(async (r) => {
    if (!r.ok) throw new Error(`GET ${url}/api/docs-json → ${r.status}`);
    return new Contract((await r.json()) as OpenApiDocument);
  });
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** Throws, naming the operation, the status and ajv's errors, when a response breaks the contract. */
export async function assertDocumented(url: string, method: string, path: string, status: number, body: unknown, contentType: string | null): Promise<void> {
  const problem = (await contractAt(url)).check(method, path, status, body, contentType);
  if (problem !== null) throw new Error(`response does not match the OpenAPI document: ${problem}`);
}
