import { useState } from 'react'
import { renderToString } from 'react-dom/server'
import { act, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { replayEarlyInput } from './replay-early-input'

/** A page with one field of each kind the dashboard has, and what its state holds, as text. */
function Fields({ onChange }: { onChange: (what: string) => void }) {
  const [added, setAdded] = useState(true)
  const [search, setSearch] = useState('')
  const [since, setSince] = useState('2026-11-01')
  const [workspace, setWorkspace] = useState('default')
  /** A field's handler: it says which field changed, and keeps the value. */
  const changed = (what: string, keep: (value: string) => void) => (event: { target: { value: string } }) => {
    onChange(what)
    keep(event.target.value)
  }
  return (
    <div>
      <input
        type="checkbox"
        aria-label="Added"
        checked={added}
        onChange={(event) => {
          onChange('added')
          setAdded(event.target.checked)
        }}
      />
      <input type="search" aria-label="Search" value={search} onChange={changed('search', setSearch)} />
      <input type="date" aria-label="Since" value={since} onChange={changed('since', setSince)} />
      <select aria-label="Workspace" value={workspace} onChange={changed('workspace', setWorkspace)}>
        <option value="default">default</option>
        <option value="staging">staging</option>
      </select>
      <output>{JSON.stringify({ added, search, since, workspace })}</output>
    </div>
  )
}

afterEach(() => document.body.replaceChildren())

/** The server's HTML of the fields, on the page and not yet taken over. */
function serverPage(): HTMLElement {
  const container = document.createElement('div')
  container.innerHTML = renderToString(<Fields onChange={() => {}} />)
  document.body.append(container)
  return container
}

/** The script takes the page over, as main.tsx does: hydrated in place, then the early input replayed. */
function takeOver(container: HTMLElement, onChange: (what: string) => void): void {
  render(<Fields onChange={onChange} />, { container, hydrate: true })
  act(() => replayEarlyInput(container))
}

const field = <T extends Element>(container: HTMLElement, label: string) =>
  container.querySelector<T & Element>(`[aria-label="${label}"]`)!
const state = (container: HTMLElement) => JSON.parse(container.querySelector('output')!.textContent!) as unknown

describe('replayEarlyInput', () => {
  it('gives the state what a person did to the fields before the page was taken over', () => {
    const container = serverPage()
    // As a person's clicks and keys change the fields while the script is still loading: no handler is there yet.
    field<HTMLInputElement>(container, 'Added').checked = false
    field<HTMLInputElement>(container, 'Search').value = 'haiku'
    field<HTMLInputElement>(container, 'Since').value = '2026-10-15'
    field<HTMLSelectElement>(container, 'Workspace').value = 'staging'

    const onChange = vi.fn()
    takeOver(container, onChange)

    expect(state(container)).toEqual({ added: false, search: 'haiku', since: '2026-10-15', workspace: 'staging' })
    expect(onChange.mock.calls.map(([what]) => what).sort()).toEqual(['added', 'search', 'since', 'workspace'])
    // The fields still show what the person chose.
    expect(field<HTMLInputElement>(container, 'Added').checked).toBe(false)
    expect(field<HTMLInputElement>(container, 'Search').value).toBe('haiku')
  })

  it('sends nothing for fields left as the server rendered them', () => {
    const container = serverPage()
    const onChange = vi.fn()
    takeOver(container, onChange)
    expect(onChange).not.toHaveBeenCalled()
    expect(state(container)).toEqual({ added: true, search: '', since: '2026-11-01', workspace: 'default' })
  })

  it('counts a box checked and unchecked again before the take-over as no change', () => {
    const container = serverPage()
    const box = field<HTMLInputElement>(container, 'Added')
    box.checked = false
    box.checked = true
    const onChange = vi.fn()
    takeOver(container, onChange)
    expect(onChange).not.toHaveBeenCalled()
  })

  it('takes a default a date field cannot hold for no change of the person’s', () => {
    const container = document.createElement('div')
    // What a date field holds of "not a date" is empty: the difference is the browser's, not a person's.
    container.innerHTML = '<input type="date" value="someday">'
    document.body.append(container)
    const date = container.querySelector('input')!
    const input = vi.fn()
    date.addEventListener('input', input)
    replayEarlyInput(container)
    expect(input).not.toHaveBeenCalled()
  })
})
