import { useEffect, useState } from 'react'
import { announce } from './announcer'
import { Button, type ButtonProps } from './button'
import { CheckIcon, CopyIcon } from './icons'

export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** The accessible name, e.g. "Copy ID"; it stays the same after copying. */
  label: string
  /** Read when clicked, so a URL is the current one. */
  text: () => string
  /** Shown next to the icon; without it the button shows only the icon. */
  visibleLabel?: string
  /** Announced after a successful copy. */
  copiedMessage?: string
}

/** Copies text to the clipboard, shows a check for a moment and announces it. */
export function CopyButton({ label, text, visibleLabel, copiedMessage = 'Copied', ...props }: CopyButtonProps) {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])

  async function copy() {
    try {
      await navigator.clipboard.writeText(text())
      setCopied(true)
      announce(copiedMessage)
    } catch {
      announce('Could not copy: the browser refused access to the clipboard.')
    }
  }

  const Icon = copied ? CheckIcon : CopyIcon
  return (
    <Button
      aria-label={label}
      title={visibleLabel ? undefined : label}
      iconOnly={!visibleLabel}
      variant={visibleLabel ? 'default' : 'ghost'}
      onClick={() => void copy()}
      {...props}
    >
      <Icon className={`size-4 ${copied ? 'text-emerald-600 dark:text-emerald-400' : ''}`} />
      {visibleLabel}
    </Button>
  )
}
