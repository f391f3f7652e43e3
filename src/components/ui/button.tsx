import type { ButtonHTMLAttributes, Ref } from 'react'

type Variant = 'default' | 'ghost' | 'primary'

const VARIANTS: Record<Variant, string> = {
  default:
    'border border-zinc-300 bg-white text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
  ghost:
    'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
  primary: 'bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300',
}

/** Focus ring shared by every control: visible on keyboard focus, in both colour schemes. */
export const FOCUS_RING =
  'outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-1 focus-visible:ring-offset-white dark:focus-visible:ring-blue-400 dark:focus-visible:ring-offset-zinc-950'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  /** Square, for a button that shows only an icon (it needs an aria-label then). */
  iconOnly?: boolean
  ref?: Ref<HTMLButtonElement>
}

export function Button({
  variant = 'default',
  iconOnly = false,
  className = '',
  type = 'button',
  ...props
}: ButtonProps) {
  const size = iconOnly ? 'size-7 justify-center' : 'h-8 gap-1.5 px-2.5'
  return (
    <button
      type={type}
      className={`inline-flex shrink-0 items-center rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-40 ${size} ${VARIANTS[variant]} ${FOCUS_RING} ${className}`}
      {...props}
    />
  )
}
