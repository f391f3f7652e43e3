import { render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { lazyModule } from './lazy-module'

const panelModule = { Panel: ({ text }: { text: string }) => <p>{text}</p> }

describe('lazyModule', () => {
  it('suspends (shows the fallback) while its module is not loaded, then renders the component', async () => {
    const module = lazyModule(() => Promise.resolve(panelModule))
    const Panel = module.component((loaded) => loaded.Panel)
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Panel text="the panel" />
      </Suspense>,
    )
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    expect(await screen.findByText('the panel')).toBeInTheDocument()
  })

  it('once loaded, renders at once, with no fallback: a server-rendered part is taken over in place', async () => {
    const module = lazyModule(() => Promise.resolve(panelModule))
    const Panel = module.component((loaded) => loaded.Panel)
    await module.load()
    const html = renderToString(
      <Suspense fallback={<p>Loading…</p>}>
        <Panel text="the panel" />
      </Suspense>,
    )
    expect(html).toContain('the panel')
    expect(html).not.toContain('Loading…')
  })

  it('load() rejects when the module cannot be loaded, so a caller can go on without it', async () => {
    const module = lazyModule<typeof panelModule>(() => Promise.reject(new Error('chunk missing')))
    await expect(module.load()).rejects.toThrow('chunk missing')
  })
})
