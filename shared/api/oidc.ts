import { z } from 'zod';

export const OidcDiscoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  userinfo_endpoint: z.string(),
  revocation_endpoint: z.string(),
  jwks_uri: z.string(),
  response_types_supported: z.array(z.string()),
  subject_types_supported: z.array(z.string()),
  id_token_signing_alg_values_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  grant_types_supported: z.array(z.string()).optional(),
});
export type OidcDiscovery = z.infer<typeof OidcDiscoverySchema>;

export const TokenResponseSchema = z.object({
  access_token: z.string(),
  expires_in: z.number().int(),
  token_type: z.string(),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().int().optional(),
  id_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const TokenErrorResponseSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_subtype: z.string().optional(),
});
export type TokenErrorResponse = z.infer<typeof TokenErrorResponseSchema>;

export const IdTokenClaimsSchema = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  sub: z.string(),
  exp: z.number(),
  iat: z.number(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  hd: z.string().optional(),
  name: z.string().optional(),
  nonce: z.string().optional(),
  azp: z.string().optional(),
});
export type IdTokenClaims = z.infer<typeof IdTokenClaimsSchema>;

export const UserInfoSchema = z.object({
  sub: z.string(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  hd: z.string().optional(),
  name: z.string().optional(),
});
export type UserInfo = z.infer<typeof UserInfoSchema>;

export const OAUTH_SCOPES = {
  cloudPlatform: 'https://www.googleapis.com/auth/cloud-platform',
  resellerReadonly: 'https://www.googleapis.com/auth/apps.order.readonly',
  reseller: 'https://www.googleapis.com/auth/apps.order',
} as const;
