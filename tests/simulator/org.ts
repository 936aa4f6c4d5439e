/**
 * The fixed organisation: "me" (Patricia, matching the seed sample), three other operators and
 * three departments, of which Patricia belongs to two. Fixed rather than generated, so tests can
 * name them.
 */
import { FIXED_IDS } from './ids';
import type { PortalSpec } from './types';
import type { DepartmentRecord, OperatorRecord } from './world-model';

export const DEPARTMENT_IDS = {
  zylker: FIXED_IDS.departmentZylker,
  sales: '466756000000002015',
  support: '466756000000002017',
} as const;

export const OTHER_OPERATOR_IDS = ['466756000000002003', '466756000000002005', '466756000000002007'] as const;

export function createDepartments(): DepartmentRecord[] {
  return [
    { id: DEPARTMENT_IDS.zylker, name: 'Zylker', displayName: 'Zylker', enabled: true, isPublic: true },
    { id: DEPARTMENT_IDS.sales, name: 'Sales', displayName: 'Sales & Billing', enabled: true, isPublic: true },
    {
      id: DEPARTMENT_IDS.support,
      name: 'Technical Support',
      displayName: 'Tech Support',
      enabled: true,
      isPublic: false,
    },
  ];
}

export function createOperators(): OperatorRecord[] {
  const operator = (
    id: string,
    first: string,
    last: string,
    email: string,
    departmentIds: string[],
  ): OperatorRecord => ({
    id,
    email,
    firstName: first,
    lastName: last,
    nickName: first,
    statusCode: 1,
    departmentIds,
    maxConcurrentChats: 5,
    chatEnabled: true,
  });
  const [arjun, mei, lukas] = OTHER_OPERATOR_IDS;
  return [
    // Current department first: Patricia's list order is how the default department is chosen.
    operator(FIXED_IDS.me, 'Patricia', 'Boyle', 'patricia@zylker.com', [DEPARTMENT_IDS.zylker, DEPARTMENT_IDS.sales]),
    operator(arjun, 'Arjun', 'Rao', 'arjun@zylker.com', [DEPARTMENT_IDS.zylker, DEPARTMENT_IDS.support]),
    operator(mei, 'Mei', 'Lin', 'mei@zylker.com', [DEPARTMENT_IDS.sales, DEPARTMENT_IDS.support]),
    operator(lukas, 'Lukas', 'Becker', 'lukas@zylker.com', [DEPARTMENT_IDS.zylker]),
  ];
}

/**
 * `GET /api/v2/portals` item; `operator_id` is the token owner ("me"). created_time is fixed so
 * portal lists are stable across runs.
 */
export function portalView(spec: PortalSpec, index: number, operatorId: string = FIXED_IDS.me) {
  return {
    screenname: spec.screenname,
    name: spec.name ?? spec.screenname,
    operator_id: operatorId,
    owner_zuid: String(55_661_234n + BigInt(index)),
    logo: `https://salesiq.zoho.com/${encodeURIComponent(spec.screenname)}/logo.png`,
    created_time: String(1_577_836_800_000 + index * 86_400_000),
  };
}
