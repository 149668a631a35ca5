import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { VERIFY_MISS_LIMIT } from '@/server/subjects/service';
import { createLicence, createPerson } from './fixtures';

const TODAY = '2026-06-30';

describeEachDatabase('credit report issue and verification', (current) => {
  async function firmWithRecords(name: string) {
    const { db } = current();
    const department = await createDepartment(db);
    const subject = await createCompany(db, name);
    const penalty = await createPenalty(db, subject, department);
    const licence = await createLicence(db, subject, department);
    return { db, department, subject, penalty, licence };
  }

  it('issues a report whose code /verify proves, with the stored summary and digest', async () => {
    const { db, subject, penalty, licence } = await firmWithRecords('乐山市嘉州食品有限公司');
    const caller = createCaller({ db, today: TODAY, clientIp: '203.0.113.1' });

    const { verificationCode } = await caller.subjects.issueReport({ subjectId: subject.id });
    expect(verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}$/);

    const report = await caller.subjects.report({ subjectId: subject.id, code: verificationCode });
    expect(report).toMatchObject({ issuedOn: TODAY, digestMatches: true });
    expect(report.verificationCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(report.reportNumber).toMatch(/^LSXY-20260630-\d{6}$/);
    expect(report.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.content.subject.name).toBe(subject.name);
    expect(report.content.penalties.map((p) => p.documentNumber)).toEqual([penalty.documentNumber]);
    // The report has no buttons: it states facts.
    expect(JSON.stringify(report.content)).not.toContain('/apply/');

    // People type codes in lower case, without hyphens or with spaces.
    const typed = report.verificationCode.toLowerCase().replaceAll('-', ' ');
    const verified = await caller.subjects.verify({ code: typed });
    expect(verified).toMatchObject({
      status: 'valid',
      issuedOn: TODAY,
      reportNumber: report.reportNumber,
      contentSha256: report.contentSha256,
      digestMatches: true,
      subject: { id: subject.id, name: subject.name, uscc: subject.uscc },
    });
    if (verified.status !== 'valid') throw new Error('unreachable');
    expect(verified.sections).toEqual([
      { key: 'licensing', label: '行政许可', count: 1, documentNumbers: [licence.documentNumber] },
      { key: 'penalties', label: '行政处罚', count: 1, documentNumbers: [penalty.documentNumber] },
      { key: 'listEntries', label: '红黑名单', count: 0, documentNumbers: [] },
      { key: 'repairs', label: '信用修复记录', count: 0, documentNumbers: [] },
    ]);
  });

  it('reuses the same report for the same content on the same day, and issues a new one when it changes', async () => {
    const { db, department, subject } = await firmWithRecords('乐山市大佛旅游服务有限公司');
    const caller = createCaller({ db, today: TODAY });
    const first = await caller.subjects.issueReport({ subjectId: subject.id });
    const again = await caller.subjects.issueReport({ subjectId: subject.id });
    expect(again.verificationCode).toBe(first.verificationCode);
    const rows = () =>
      db.selectFrom('issuedReports').where('subjectId', '=', subject.id).select('verificationCode').execute();
    expect(await rows()).toHaveLength(1);

    const added = await createPenalty(db, subject, department);
    const changed = await caller.subjects.issueReport({ subjectId: subject.id });
    expect(changed.verificationCode).not.toBe(first.verificationCode);
    const tomorrow = await createCaller({ db, today: '2026-07-01' }).subjects.issueReport({ subjectId: subject.id });
    expect(tomorrow.verificationCode).not.toBe(changed.verificationCode);
    expect(await rows()).toHaveLength(3);

    // The first report still says what it said when issued.
    const old = await caller.subjects.verify({ code: first.verificationCode });
    if (old.status !== 'valid') throw new Error(`expected valid, got ${old.status}`);
    expect(old.sections.find((s) => s.key === 'penalties')?.documentNumbers).not.toContain(added.documentNumber);
  });

  it('fails for an unknown, altered or malformed code, and for another subject’s report', async () => {
    const { db, subject } = await firmWithRecords('乐山市峨眉山茶业有限公司');
    const other = await createCompany(db, '乐山市沫若文化传媒有限公司');
    const caller = createCaller({ db, today: TODAY, clientIp: '203.0.113.2' });
    const { verificationCode } = await caller.subjects.issueReport({ subjectId: subject.id });
    const last = verificationCode.at(-1)!;
    const altered = verificationCode.slice(0, -1) + (last === 'Z' ? 'Y' : 'Z');
    for (const code of [altered, '00000-00000-00000', 'not a code', '']) {
      expect(await caller.subjects.verify({ code })).toEqual({ status: 'not_found' });
    }
    await expect(caller.subjects.report({ subjectId: other.id, code: verificationCode })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('shows the digest no longer matches when the stored content was edited behind its back', async () => {
    const { db, subject } = await firmWithRecords('乐山市平安建材有限公司');
    const caller = createCaller({ db, today: TODAY });
    const { verificationCode } = await caller.subjects.issueReport({ subjectId: subject.id });
    const stored = await db
      .selectFrom('issuedReports')
      .where('verificationCode', '=', verificationCode)
      .select('content')
      .executeTakeFirstOrThrow();
    const edited = { ...(stored.content as Record<string, unknown>), penalties: [] };
    await db
      .updateTable('issuedReports')
      .set({ content: JSON.stringify(edited) } as never)
      .where('verificationCode', '=', verificationCode)
      .execute();
    expect(await caller.subjects.verify({ code: verificationCode })).toMatchObject({
      status: 'valid',
      digestMatches: false,
    });
  });

  it('pauses an address after too many wrong codes, and only that address', async () => {
    const { db, subject } = await firmWithRecords('乐山市五通桥盐业有限公司');
    const issued = await createCaller({ db, today: TODAY }).subjects.issueReport({ subjectId: subject.id });
    const guesser = createCaller({ db, today: TODAY, clientIp: '198.51.100.7' });
    for (let i = 0; i < VERIFY_MISS_LIMIT.limit; i++) {
      expect((await guesser.subjects.verify({ code: `AAAAA-AAAAA-${String(i).padStart(5, '0')}` })).status).toBe(
        'not_found',
      );
    }
    // Past the limit not even a right code is checked.
    expect(await guesser.subjects.verify({ code: issued.verificationCode })).toMatchObject({ status: 'rate_limited' });
    const neighbour = createCaller({ db, today: TODAY, clientIp: '198.51.100.8' });
    expect((await neighbour.subjects.verify({ code: issued.verificationCode })).status).toBe('valid');
  });

  it('masks a natural person in the stored report and on /verify', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const idNumber = '511102198803150016';
    const person = await createPerson(db, '王小明', idNumber);
    await createPenalty(db, person, department, { subjectCategory: '自然人' });
    const caller = createCaller({ db, today: TODAY });
    const { verificationCode } = await caller.subjects.issueReport({ subjectId: person.id });
    const report = await caller.subjects.report({ subjectId: person.id, code: verificationCode });
    const verified = await caller.subjects.verify({ code: verificationCode });
    expect(verified).toMatchObject({ status: 'valid', subject: { name: '王**', idNumber: '5111**********0016' } });
    for (const json of [JSON.stringify(report), JSON.stringify(verified)]) {
      expect(json).not.toContain(idNumber);
      expect(json).not.toContain('王小明');
    }
  });
});
