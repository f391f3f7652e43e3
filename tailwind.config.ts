// Tailwind v4 reads its theme from CSS (src/app/styles.css); this file names where the sources are for editors and tools.
import type { Config } from 'tailwindcss'

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'media',
} satisfies Config
