/** The typo-report API's shapes: validation, TypeScript types and the OpenAPI document from one definition. */
import { Type, type Static } from '@sinclair/typebox';
import { errorResponses, IdParam, Nullable, pageFields, Ref, StringEnum, tokenRequired, WriteHeaders, type Defaulted } from '../http/schemas.js';

const ReportStatus = StringEnum(['open', 'fixed', 'dismissed']);

export const TypoReportSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  title: Type.Optional(Type.String()),
  lang: Type.Optional(Type.String()),
  selection: Type.String(),
  prefix: Type.String(),
  suffix: Type.String(),
  fragment: Type.String({ description: 'A text-fragment URL (`#:~:text=`) that scrolls to the selection.' }),
  suggestion: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
  modifiedAt: Type.Optional(Type.String()),
  status: ReportStatus,
  count: Type.Integer({ description: 'How many identical reports were merged into this one.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}, { $id: 'TypoReport' });

export type TypoReport = Static<typeof TypoReportSchema>;

export const TypoReceiptSchema = Type.Object({
  id: Type.String(),
  status: ReportStatus,
  count: Type.Integer(),
  merged: Type.Boolean({ description: 'True when an identical report already existed.' }),
}, { $id: 'TypoReceipt' });

export type TypoReceipt = Static<typeof TypoReceiptSchema>;

export const TypoReportPageSchema = Type.Object({
  reports: Type.Array(Ref(TypoReportSchema)),
  total: Type.Integer(),
  nextCursor: Nullable(Type.String()),
}, { $id: 'TypoReportPage' });

const HttpUrl = (maxLength: number) => Type.String({ minLength: 8, maxLength, pattern: '^https?://' });

const NewReport = Type.Object({
  url: HttpUrl(2048),
  title: Type.Optional(Type.String({ maxLength: 300 })),
  lang: Type.Optional(Type.String({ maxLength: 35 })),
  selection: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  prefix: Type.String({ maxLength: 300 }),
  suffix: Type.String({ maxLength: 300 }),
  fragment: HttpUrl(4096),
  suggestion: Type.Optional(Type.String({ maxLength: 500 })),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
  modifiedAt: Type.Optional(Type.String({ maxLength: 64 })),
  website: Type.Optional(Type.String({ maxLength: 2048 })),
}, { additionalProperties: false });
export type NewReport = Static<typeof NewReport>;

const ReportQuery = Type.Object({
  status: Type.Optional(StringEnum(['open', 'fixed', 'dismissed', 'all'], { default: 'open' })),
  url: Type.Optional(Type.String({ maxLength: 2048 })),
  sort: Type.Optional(StringEnum(['newest', 'oldest'], { default: 'newest', description: 'By the time the report first came.' })),
  ...pageFields,
});
export type ReportQuery = Defaulted<Static<typeof ReportQuery>, 'status' | 'sort' | 'limit'>;

export const postReportRoute = {
  tags: ['typo-reports'],
  summary: 'Report a typo (no sign-in needed)',
  description:
    'Identical reports for the same page (same URL without its #fragment, selection, context and suggestion) are merged: ' +
    'the answer is 200 with the existing report\'s id and its raised `count` instead of 201. `website` is a honeypot that must stay empty. ' +
    'With an `Idempotency-Key` header a retry answers the first response again instead of counting twice.',
  headers: WriteHeaders,
  body: NewReport,
  response: { 200: Ref(TypoReceiptSchema), 201: Ref(TypoReceiptSchema), ...errorResponses },
};

export const listReportsRoute = {
  tags: ['typo-reports', 'moderation'],
  summary: 'Moderators: typo reports, newest (or oldest) first',
  querystring: ReportQuery,
  response: { 200: Ref(TypoReportPageSchema), ...errorResponses },
  security: tokenRequired,
};

export const changeReportRoute = {
  tags: ['typo-reports', 'moderation'],
  summary: 'Moderators: mark a typo report fixed, dismissed or open again',
  params: IdParam,
  body: Type.Object({ status: ReportStatus }, { additionalProperties: false }),
  response: { 200: Ref(TypoReportSchema), ...errorResponses },
  security: tokenRequired,
};
