import { FOCUS_RING } from '../../../components/ui/button'
import { useMe } from '../api/get-me'

/**
 * Who is signed in, with Sign out when the server has its own sign-in. Shows
 * nothing with sign-in off, or before the server has said.
 */
export function SignedInUser() {
  const { data: me } = useMe()
  if (!me?.name || (me.kind !== 'user' && me.kind !== 'proxy')) return null
  return (
    <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      <span>
        Signed in as <span className="font-medium text-zinc-900 dark:text-zinc-100">{me.name}</span>
      </span>
      {me.sign_out_url && (
        // A link, not a form: sign-out goes on to the provider, and the CSP's form-action allows this site only.
        <a
          href={me.sign_out_url}
          className={`rounded-md px-1.5 py-0.5 font-medium text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300 ${FOCUS_RING}`}
        >
          Sign out
        </a>
      )}
    </p>
  )
}
