import { z } from 'zod';

export const CANONICAL_HTTP_STATUS = {
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
} as const;

export type CanonicalStatus = keyof typeof CANONICAL_HTTP_STATUS;
export const CanonicalStatusSchema = z.enum(Object.keys(CANONICAL_HTTP_STATUS) as [CanonicalStatus, ...CanonicalStatus[]]);

export const ErrorInfoDetailSchema = z.object({
  '@type': z.literal('type.googleapis.com/google.rpc.ErrorInfo'),
  reason: z.string(),
  domain: z.string(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export const BadRequestDetailSchema = z.object({
  '@type': z.literal('type.googleapis.com/google.rpc.BadRequest'),
  fieldViolations: z.array(z.object({ field: z.string(), description: z.string() })),
});
export const PreconditionFailureDetailSchema = z.object({
  '@type': z.literal('type.googleapis.com/google.rpc.PreconditionFailure'),
  violations: z.array(z.object({ type: z.string(), subject: z.string(), description: z.string() })),
});
export const RetryInfoDetailSchema = z.object({
  '@type': z.literal('type.googleapis.com/google.rpc.RetryInfo'),
  retryDelay: z.string(),
});
/** Details are typed by "@type"; unknown kinds are kept as loose objects. */
export const ErrorDetailSchema = z.looseObject({ '@type': z.string() });

export const GoogleErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    status: z.string(),
    details: z.array(ErrorDetailSchema).optional(),
  }),
});

/** Legacy ("global domain") error body of the Reseller API. */
export const LegacyErrorSchema = z.object({
  error: z.object({
    errors: z.array(
      z.object({
        domain: z.string(),
        reason: z.string(),
        message: z.string(),
        locationType: z.string().optional(),
        location: z.string().optional(),
      }),
    ),
    code: z.number().int(),
    message: z.string(),
    status: z.string().optional(),
  }),
});

export type ErrorInfoDetail = z.infer<typeof ErrorInfoDetailSchema>;
export type BadRequestDetail = z.infer<typeof BadRequestDetailSchema>;
export type PreconditionFailureDetail = z.infer<typeof PreconditionFailureDetailSchema>;
export type RetryInfoDetail = z.infer<typeof RetryInfoDetailSchema>;
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;
export type GoogleError = z.infer<typeof GoogleErrorSchema>;
export type LegacyError = z.infer<typeof LegacyErrorSchema>;
