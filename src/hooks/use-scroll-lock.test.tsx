import { render } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { useScrollLock } from './use-scroll-lock'

function Locker() {
  useScrollLock()
  return null
}

const overflow = () => document.documentElement.style.overflow

describe('useScrollLock', () => {
  test('locks the page while mounted and gives back the overflow it found', () => {
    document.documentElement.style.overflow = 'clip'
    const { unmount } = render(<Locker />)
    expect(overflow()).toBe('hidden')
    unmount()
    expect(overflow()).toBe('clip')
    document.documentElement.style.overflow = ''
  })

  test('two dialogs at once: the page stays locked until the last one closes', () => {
    const first = render(<Locker />)
    const second = render(<Locker />)
    first.unmount()
    expect(overflow()).toBe('hidden')
    second.unmount()
    expect(overflow()).toBe('')
  })
})
