/** Portals, operators (including "my" status) and departments. */
import { portalView } from '../org';
import { departmentView, operatorView } from '../views';
import { fail, list, ok, SCOPES, type ApiContext, type Endpoint, type Route } from './api';
import { API_ERRORS } from './errors';

const setStatus: Endpoint = {
  scope: SCOPES.operatorsUpdate,
  async handle(ctx: ApiContext) {
    const body = await ctx.body();
    if (!body) return fail(API_ERRORS.invalidBody());
    const status = typeof body.status === 'string' ? body.status : '';
    const normalized =
      status.toLowerCase() === 'available' ? 'Available' : status.toLowerCase() === 'busy' ? 'Busy' : undefined;
    if (!normalized) return fail(API_ERRORS.invalidJsonKey('status'));
    const operator = ctx.world.operator(ctx.params.id!);
    if (!operator) return fail(API_ERRORS.notFound('operator id'));
    // There is no /operators/me: only the token owner's own id may change status.
    if (operator.id !== ctx.world.myId) return fail(API_ERRORS.noPermission("cannot change another operator's status"));
    ctx.world.setOperatorStatus(operator.id, normalized);
    return ok('operators', operatorView(operator, ctx.world));
  },
};

export const ORG_ROUTES: Route[] = [
  {
    version: 'v2',
    screen: false,
    pattern: 'portals',
    methods: {
      GET: {
        scope: SCOPES.portals,
        handle: (ctx) => list(ctx.config.portals.map((spec, i) => portalView(spec, i, ctx.token.operatorId))),
      },
    },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'operators',
    methods: {
      GET: {
        scope: SCOPES.operatorsRead,
        handle: (ctx) => list(ctx.world.operators.map((op) => operatorView(op, ctx.world))),
      },
    },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'operators/:id',
    methods: {
      GET: {
        scope: SCOPES.operatorsRead,
        handle(ctx) {
          const operator = ctx.world.operator(ctx.params.id!);
          return operator
            ? ok('operators', operatorView(operator, ctx.world))
            : fail(API_ERRORS.notFound('operator id'));
        },
      },
    },
  },
  { version: 'v2', screen: true, pattern: 'operators/:id/status', methods: { PUT: setStatus, POST: setStatus } },
  {
    version: 'v2',
    screen: true,
    pattern: 'departments',
    methods: {
      GET: { scope: SCOPES.departments, handle: (ctx) => list(ctx.world.departments.map(departmentView)) },
    },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'departments/:id',
    methods: {
      GET: {
        scope: SCOPES.departments,
        handle(ctx) {
          const department = ctx.world.department(ctx.params.id!);
          return department
            ? ok('departments', departmentView(department))
            : fail(API_ERRORS.notFound('department id'));
        },
      },
    },
  },
];
