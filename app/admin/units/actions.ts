'use server';

import { runStaffForm } from '../_lib/form-action';

// Sub-unit forms of /admin/units: each posts, then returns to the page with a notice.

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export async function registerUnitAction(form: FormData) {
  await runStaffForm(
    form,
    '/admin/units',
    async (c) => {
      const unit = await c.units.register({
        departmentId: field(form, 'departmentId'),
        name: field(form, 'name'),
        uscc: field(form, 'uscc'),
      });
      return { code: 'registered', message: `已为${unit.departmentName}登记下属单位“${unit.name}”。` };
    },
    'registered',
  );
}

export async function removeUnitAction(form: FormData) {
  await runStaffForm(
    form,
    '/admin/units',
    async (c) => {
      const unit = await c.units.remove({ id: field(form, 'id') });
      return { code: 'removed', message: `已移除下属单位“${unit.name}”。` };
    },
    'removed',
  );
}
