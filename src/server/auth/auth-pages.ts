import type { Context } from 'hono'
import { html } from 'hono/html'

/**
 * A plain page for a browser the dashboard cannot show: the values are
 * escaped by `html`, and the CSP needs no inline style or script.
 */
export async function authPage(
  c: Context,
  status: 400 | 401 | 403 | 503,
  page: { title: string; message: string; link?: { href: string; text: string } },
): Promise<Response> {
  return c.html(
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>${page.title} · Model catalogue</title>
        </head>
        <body>
          <main>
            <h1>${page.title}</h1>
            <p>${page.message}</p>
            ${page.link ? html`<p><a href="${page.link.href}">${page.link.text}</a></p>` : ''}
          </main>
        </body>
      </html>`,
    status,
    { 'Cache-Control': 'no-store' },
  )
}

/** The 403 a signed-in account that is not on the lists gets, naming the account so the person knows which one. */
export function notAllowedPage(c: Context, email: string, signOutHref: string | null): Promise<Response> {
  return authPage(c, 403, {
    title: 'This account may not use the dashboard',
    message: `You are signed in as ${email}, which is not on this dashboard's list of allowed accounts (AUTH_ALLOWED_EMAILS, AUTH_ALLOWED_DOMAINS). Ask whoever runs it to add you, or sign in with another account.`,
    link: signOutHref ? { href: signOutHref, text: 'Sign out and use another account' } : undefined,
  })
}
