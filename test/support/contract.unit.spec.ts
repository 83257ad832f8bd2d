import { Contract, type OpenApiDocument } from './contract';

/** The check the e2e suites rely on must be able to fail: here it does, for each way a response can break the contract. */
const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/households/{id}': {
      get: {
        operationId: 'get_household',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Household' } } } },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
    '/api/v1/households/stats': {
      get: {
        operationId: 'stats',
        responses: {
          '200': { content: { 'application/json': { schema: { type: 'object', properties: { households: { type: 'integer' } }, required: ['households'] } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Household: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          members: { type: 'integer' },
          registeredAt: { type: 'string', format: 'date-time' },
          headName: { type: ['string', 'null'] },
        },
        required: ['id', 'members', 'registeredAt', 'headName'],
      },
      Error: { type: 'object', properties: { code: { enum: ['NOT_FOUND'] }, details: { type: 'object', additionalProperties: true } }, required: ['code'] },
    },
  },
};

describe('the response contract check', () => {
  const contract = new Contract(document);
  const household = { id: 'H1', members: 4, registeredAt: '2022-09-15T03:00:00.000Z', headName: null };

  it('accepts a response as documented', () => {
    expect(contract.check('GET', '/api/v1/households/H1?asOf=2022-12-31', 200, household, 'application/json; charset=utf-8')).toBeNull();
    expect(contract.check('GET', '/api/v1/households/H9', 404, { code: 'NOT_FOUND', details: { id: 'H9', anything: 1 } }, 'application/json')).toBeNull();
  });

  it('refuses a status the operation does not document, naming the operation', () => {
    expect(contract.check('GET', '/api/v1/households/H1', 500, { code: 'INTERNAL' }, 'application/json')).toMatch(
      /get_household .* answered 500, which the document does not list \(documented: 200, 404\)/,
    );
  });

  it('refuses a body that does not match: a wrong type, a bad format, a missing or an undocumented field', () => {
    expect(contract.check('GET', '/api/v1/households/H1', 200, { ...household, members: 4.5 }, 'application/json')).toMatch(/\/members must be integer/);
    expect(contract.check('GET', '/api/v1/households/H1', 200, { ...household, registeredAt: 'yesterday' }, 'application/json')).toMatch(
      /\/registeredAt must match format "date-time"/,
    );
    expect(contract.check('GET', '/api/v1/households/H1', 200, { id: 'H1', members: 4, registeredAt: household.registeredAt }, 'application/json')).toMatch(
      /must have required property 'headName'/,
    );
    expect(contract.check('GET', '/api/v1/households/H1', 200, { ...household, secret: 'x' }, 'application/json')).toMatch(/unevaluated properties .*secret/);
    expect(contract.check('GET', '/api/v1/households/H1', 404, { code: 'GONE' }, 'application/json')).toMatch(
      /\/code must be equal to one of the allowed values/,
    );
  });

  it('refuses a body that is not JSON where JSON is documented', () => {
    expect(contract.check('GET', '/api/v1/households/H1', 200, 'ok', 'text/plain')).toMatch(
      /Content-Type text\/plain, not one documented \(application\/json\)/,
    );
  });

  it('prefers a literal segment over a path parameter, and allows only 404 off the document', () => {
    expect(contract.operation('GET', '/api/v1/households/stats')?.id).toBe('stats');
    expect(contract.check('GET', '/api/v1/households/stats', 200, { households: 3 }, 'application/json')).toBeNull();
    expect(contract.check('GET', '/api/v1/nowhere', 404, { code: 'NOT_FOUND' }, 'application/json')).toBeNull();
    expect(contract.check('DELETE', '/api/v1/households/H1', 200, {}, 'application/json')).toMatch(
      /DELETE \/api\/v1\/households\/H1 is not in the document, yet answered 200/,
    );
  });
});
