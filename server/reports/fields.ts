// The information-dictionary keys a report PDF carries its identity in (inside the signed bytes).
export const PDF_INFO_KEYS = {
  code: 'LsxyVerificationCode',
  number: 'LsxyReportNumber',
  digest: 'LsxyContentSha256',
} as const;

/** The largest PDF /verify accepts (a report is ~100 KB; 10 MB leaves room for long ones). */
export const MAX_REPORT_PDF_BYTES = 10 * 1024 * 1024;
