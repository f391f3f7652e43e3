import { type ComponentType, lazy } from 'react'

/**
 * A module loaded on first use, whose components render through React.lazy.
 * Once `load()` has finished, they render at once: their loader then answers
 * with a thenable that calls back synchronously, which React.lazy takes as
 * resolved. So a part the server rendered is taken over in place once its
 * code is loaded, instead of suspending (and, if anything updates the page
 * meanwhile, being dropped and drawn again: a layout shift).
 */
export function lazyModule<Module>(importModule: () => Promise<Module>) {
  let loaded: Module | undefined
  const load = (): Promise<Module> => importModule().then((module) => (loaded = module))
  function component<Props extends object>(pick: (module: Module) => ComponentType<Props>) {
    return lazy(() => {
      if (loaded === undefined) return load().then((module) => ({ default: pick(module) }))
      const resolved = { default: pick(loaded) }
      const thenable = { then: (onLoaded: (value: typeof resolved) => void) => onLoaded(resolved) }
      return thenable as unknown as Promise<typeof resolved>
    })
  }
  return { load, component }
}
