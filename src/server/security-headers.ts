import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers on every response. The CSP allows no inline script at all, which is
 * why the page's code and styles are always separate files.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    // Plain http on loopback by default: HSTS would be wrong there.
    strictTransportSecurity: false,
  })
