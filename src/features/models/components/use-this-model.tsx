import { CopyButton } from '../../../components/ui/copy-button'

/** Request code for a model, in the forms people paste: curl, the TypeScript SDK and the Python SDK. */
export function modelSnippets(id: string): { label: string; code: string }[] {
  // JSON string syntax is also valid in TypeScript and Python, so the id is quoted the same everywhere.
  const quoted = JSON.stringify(id)
  const body = JSON.stringify({ model: id, max_tokens: 1024, messages: [{ role: 'user', content: 'Hello, Claude' }] })
  return [
    {
      label: 'curl',
      code: [
        'curl https://api.anthropic.com/v1/messages \\',
        '  -H "x-api-key: $ANTHROPIC_API_KEY" \\',
        '  -H "anthropic-version: 2023-06-01" \\',
        '  -H "content-type: application/json" \\',
        // A model id holds no quote (the BFF's id rule), so single quotes keep the body as it is.
        `  -d '${body}'`,
      ].join('\n'),
    },
    {
      label: 'TypeScript SDK',
      code: [
        "import Anthropic from '@anthropic-ai/sdk'",
        '',
        'const client = new Anthropic()',
        'const message = await client.messages.create({',
        `  model: ${quoted},`,
        '  max_tokens: 1024,',
        "  messages: [{ role: 'user', content: 'Hello, Claude' }],",
        '})',
      ].join('\n'),
    },
    {
      label: 'Python SDK',
      code: [
        'import anthropic',
        '',
        'client = anthropic.Anthropic()',
        'message = client.messages.create(',
        `    model=${quoted},`,
        '    max_tokens=1024,',
        '    messages=[{"role": "user", "content": "Hello, Claude"}],',
        ')',
      ].join('\n'),
    },
  ]
}

/** "Use this model": the snippets, each copyable; the id goes in as text, never as markup. */
export function UseThisModel({ id }: { id: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-zinc-900 dark:text-zinc-100">Use this model</summary>
      <div className="mt-2 space-y-3">
        {modelSnippets(id).map(({ label, code }) => (
          <figure key={label} aria-label={label} className="space-y-1">
            <figcaption className="flex items-center justify-between text-zinc-600 dark:text-zinc-400">
              {label}
              <CopyButton
                label={`Copy ${label}`}
                visibleLabel="Copy"
                text={() => code}
                copiedMessage={`${label} copied`}
              />
            </figcaption>
            <pre className="overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">
              <code>{code}</code>
            </pre>
          </figure>
        ))}
      </div>
    </details>
  )
}
