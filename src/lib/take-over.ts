import { createContext } from 'react'

/**
 * The moment the server's page is wholly taken over by the script.
 *
 * React takes the page's shell over in one commit and each part in its own Suspense boundary (the lazily loaded
 * views and dialogs) in a later one. Until the last part is taken over, a click there still lands on the server's
 * HTML, which React does not hear: that is the moment to mark the page interactive and replay what a person did
 * to its fields meanwhile (replay-early-input.ts), not the shell's.
 */
export interface TakeOver {
  /** A part is drawn, to be taken over in a commit of its own: said from the shell's commit, before it is. */
  expectPart(): ExpectedPart
  /** The shell is taken over: its effects ran. */
  shellTakenOver(): void
}

export interface ExpectedPart {
  /** Taken over (or drawn, when it was not in the server's HTML). */
  takenOver(): void
  /** Removed before it was: not waited for any longer. */
  gone(): void
}

const NOT_WAITED_FOR: ExpectedPart = { takenOver: () => {}, gone: () => {} }

/** The take-over of one page, calling `onTakenOver` once: when the shell and every part drawn with it are. */
export function createTakeOver(onTakenOver: () => void): TakeOver {
  const waiting = new Set<ExpectedPart>()
  let shellDone = false
  let done = false
  const settle = () => {
    if (done || !shellDone || waiting.size > 0) return
    done = true
    onTakenOver()
  }
  return {
    expectPart() {
      // A part drawn later (a dialog opened) is no part of the take-over.
      if (done) return NOT_WAITED_FOR
      const part: ExpectedPart = {
        takenOver: () => {
          waiting.delete(part)
          settle()
        },
        gone: () => part.takenOver(),
      }
      waiting.add(part)
      return part
    },
    shellTakenOver() {
      shellDone = true
      settle()
    },
  }
}

/** The page's take-over, for the parts' boundaries (PartBoundary); none where nothing waits for it (tests). */
export const TakeOverContext = createContext<TakeOver | null>(null)
