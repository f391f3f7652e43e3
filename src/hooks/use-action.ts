import { useRef, useState } from 'react'

export interface ActionState {
  isPending: boolean
  /** How the last run failed; null while it runs, or when it did not. */
  error: Error | null
  /** When the last run started (ms since the epoch). */
  submittedAt: number
}

const IDLE: ActionState = { isPending: false, error: null, submittedAt: 0 }

/**
 * An action a person starts (Refresh): whether it runs, and how its last run
 * failed and when it started. The part of React Query's useMutation the
 * dashboard uses, without the mutation observer it would add to the first
 * visit's script. `onSuccess` is waited for before the action ends, as there;
 * only the last run started sets the state.
 */
export function useAction<T>(
  run: () => Promise<T>,
  { onSuccess, onError }: { onSuccess?: (result: T) => unknown; onError?: (error: Error) => void } = {},
) {
  const [state, setState] = useState(IDLE)
  const latest = useRef(0)
  const start = () => {
    const id = ++latest.current
    setState({ isPending: true, error: null, submittedAt: Date.now() })
    run()
      .then(onSuccess)
      .then(
        () => {
          if (latest.current === id) setState((current) => ({ ...current, isPending: false }))
        },
        (error: Error) => {
          onError?.(error)
          if (latest.current === id) setState((current) => ({ ...current, isPending: false, error }))
        },
      )
  }
  return { ...state, start }
}
