// Valid answers to any form definition (GET /api/v1/procedures/{code}/form), for the API tests, the crash test and
// bench/submit.sh: the first option, a date inside its bounds, a real address of today's era…

//! "YYYY-MM-DD" of the Vietnamese day `offsetDays` from today.
export function isoDay(offsetDays) {
  const d = new Date(Date.now() + 7 * 3600_000);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

const clamp = (v, lo, hi) => Math.min(hi ?? v, Math.max(lo ?? v, v));

//! The administrative-unit era of a dossier started today: "2025" (province and commune) from 1 July 2025, else
//! "2024" (province, district, commune).
export const eraToday = () => (isoDay(0) >= '2025-07-01' ? '2025' : '2024');

//! Codes of a real address of today's era, read from the API at `baseUrl`: {province, district, commune} in era
//! 2024 (Nam Định), {province, commune} in era 2025 (no district).
export async function addressUnits(baseUrl) {
  const era = eraToday();
  const list = async (q) => (await (await fetch(`${baseUrl}/api/v1/admin-units?era=${era}${q}`)).json()).items;
  const provinces = await list('');
  const province = provinces.find((u) => u.name.includes('Nam Định') || u.name.includes('Ninh Bình')) ?? provinces[0];
  if (era === '2025') {
    const commune = (await list(`&parent=${province.code}`))[0];
    return { province: province.code, commune: commune.code };
  }
  const district = (await list(`&parent=${province.code}`))[0];
  const commune = (await list(`&parent=${district.code}`))[0];
  return { province: province.code, district: district.code, commune: commune.code };
}

//! A valid answer to `field`, with `units` for addresses.
export function answerFor(field, units) {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const min = field.min ?? 1;
      return 'Nguyễn Văn An'.padEnd(Math.max(min, 13), 'a').slice(0, field.max ?? 1000);
    }
    case 'number': return clamp(1, field.min, field.max);
    case 'money': return clamp(100000, field.min, field.max);
    case 'date': return isoDay(clamp(-30, field.min, field.max));
    case 'select':
    case 'radio': return field.options[0].value;
    case 'yes_no': return false;
    case 'id_number': return '036185001234';
    case 'phone': return '0912000001';
    case 'email': return 'mai.tran@example.vn';
    case 'address': return { ...units, detail: '12 Trần Hưng Đạo' };
    case 'group': {
      const entry = {};
      for (const f of field.fields) {
        if (!f.show_if || entry[f.show_if.field] === f.show_if.equals) {
          entry[f.id] = answerFor(f, units);
        }
      }
      return Array.from({ length: Math.max(1, field.min ?? 1) }, () => ({ ...entry }));
    }
    default: throw new Error(`no sample answer for type ${field.type}`);
  }
}

//! Whether `field` is shown by `answers` (its show_if holds, or it has none).
export const shown = (field, answers) => !field.show_if || answers[field.show_if.field] === field.show_if.equals;

//! Answers to every question of `form` that those answers show.
export function fullAnswers(form, units) {
  const answers = {};
  for (const page of form.pages) {
    for (const field of page.fields) {
      if (shown(field, answers)) {
        answers[field.id] = answerFor(field, units);
      }
    }
  }
  return answers;
}

//! A commune-level procedure on the generic form (two pages: the applicant, what is asked) that asks for no
//! document: {code, form}.
export async function smallProcedure(baseUrl) {
  const list = await (await fetch(`${baseUrl}/api/v1/procedures?level=commune&page_size=100`)).json();
  for (const p of list.items) {
    const res = await fetch(`${baseUrl}/api/v1/procedures/${p.code}/form`);
    if (res.status !== 200) {
      continue;
    }
    const form = await res.json();
    if (form.pages.length <= 2 && !form.documents.some((d) => d.required)) {
      return { code: p.code, form };
    }
  }
  throw new Error('no commune procedure on the generic form without required documents');
}
