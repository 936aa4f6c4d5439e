import type { DepartmentRef } from '../lib/salesiq/types';

interface Props {
  departments: readonly DepartmentRef[];
  /** Department id, or null for all. */
  value: string | null;
  onChange(value: string | null): void;
}

export function DepartmentFilter({ departments, value, onChange }: Props) {
  return (
    <label class="department-filter">
      <span class="department-filter__label">Department</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || null)}>
        <option value="">All departments</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}
