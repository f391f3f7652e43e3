import { createContext, useContext } from 'react'

/**
 * The workspace the dashboard shows (the URL's `ws`), for the panels deep in
 * the page that ask the server for something: null is the server's default.
 */
export const WorkspaceContext = createContext<string | null>(null)

export function useWorkspace(): string | null {
  return useContext(WorkspaceContext)
}
