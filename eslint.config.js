import aegir from 'aegir/eslint.config.js'

/**
 * aegir's rules everywhere, plus purity rules for protocol cores (`packages/X/src/core/`): a core
 * reads no clock, draws no randomness, sets no timers and imports no I/O (STYLE.md), so the
 * simulator can run it deterministically from a seed.
 */
const impure = 'pure cores take time and randomness from their driver (see DESIGN.md §2.1)'

export default [
  ...aegir,
  {
    files: ['packages/*/src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: impure },
        { name: 'setInterval', message: impure },
        { name: 'setImmediate', message: impure },
        { name: 'queueMicrotask', message: impure },
        { name: 'performance', message: impure },
        { name: 'crypto', message: impure },
        { name: 'fetch', message: impure },
        { name: 'process', message: impure }
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: impure },
        { object: 'Math', property: 'random', message: impure }
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: impure }
      ],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['libp2p', '@libp2p/*', '@chainsafe/*', 'node:*', 'fs', 'net', 'dgram', 'timers', 'timers/*'], message: impure }
        ]
      }]
    }
  }
]
