import { Callout } from '../../../components/ui/callout'

/** Says plainly that the rows are demo data, and how to see a real catalogue. */
export function DemoBanner() {
  return (
    <Callout tone="info" role="status" title="Demo data">
      This dashboard shows a built-in demo catalogue, not a real one. To list the models your API key can use, start the
      server with <code className="font-mono">ANTHROPIC_API_KEY</code> set (for example{' '}
      <code className="font-mono">ANTHROPIC_API_KEY=sk-ant-… npm start</code>).
    </Callout>
  )
}
