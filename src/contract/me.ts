import * as z from 'zod/mini'

/** `GET /api/me`: who the server takes the caller to be; `name` is null when sign-in is off. */
export const meSchema = z.object({
  name: z.nullable(z.string()),
  kind: z.enum(['user', 'proxy', 'token', 'anonymous']),
  /** Where the Sign out control goes; null when the server has no sign-out of its own (proxy, tokens, none). */
  sign_out_url: z.nullable(z.string()),
})
export type Me = z.infer<typeof meSchema>
