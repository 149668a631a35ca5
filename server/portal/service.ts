import type { Db } from '../db/client';
import { licenceIsExpired } from '../visibility/public';
import { publicSubjectName } from '../subjects/present';
import * as repo from './repository';

export const HOME_LIST_LENGTH = 6;
export const HOME_HIGHLIGHT_LENGTH = 4;

/** Everything the home page shows, as public DTOs (natural persons masked). */
export async function getHomeOverview(db: Db, today: string) {
  const [counts, licensing, penalties, exposure, honor, dishonesty] = await Promise.all([
    repo.countPublic(db, today),
    repo.latestLicensing(db, today, HOME_LIST_LENGTH),
    repo.latestPenalties(db, today, HOME_LIST_LENGTH),
    repo.latestExposure(db, today, HOME_LIST_LENGTH),
    repo.latestListEntries(db, today, 'honor', HOME_HIGHLIGHT_LENGTH),
    repo.latestListEntries(db, today, 'dishonesty', HOME_HIGHLIGHT_LENGTH),
  ]);
  const highlight = (e: (typeof honor)[number]) => ({
    id: e.id,
    subjectId: e.subjectId,
    subjectName: publicSubjectName(e.subjectKind, e.subjectName),
    reason: e.reason,
    listedOn: e.listedOn,
    departmentName: e.departmentName,
    suspended: e.status === 'suspended',
  });
  return {
    today,
    counts,
    latestLicensing: licensing.map((r) => ({
      id: r.id,
      subjectId: r.subjectId,
      subjectName: publicSubjectName(r.subjectKind, r.subjectName),
      title: r.decisionDocumentName,
      documentNumber: r.documentNumber,
      decisionDate: r.decisionDate,
      departmentName: r.departmentName,
      expired: licenceIsExpired(r.validUntil, today),
    })),
    latestPenalties: penalties.map((r) => ({
      id: r.id,
      subjectId: r.subjectId,
      subjectName: publicSubjectName(r.subjectKind, r.subjectName),
      title: r.violationType,
      documentNumber: r.documentNumber,
      decisionDate: r.decisionDate,
      departmentName: r.departmentName,
      suspended: r.status === 'suspended',
    })),
    honorHighlights: honor.map(highlight),
    dishonestyHighlights: dishonesty.map(highlight),
    latestExposure: exposure.map((e) => ({
      id: e.id,
      title: e.title,
      domain: e.domain,
      summary: e.summary,
      publishedOn: e.publishedOn ?? '',
    })),
  };
}

export type HomeOverview = Awaited<ReturnType<typeof getHomeOverview>>;
