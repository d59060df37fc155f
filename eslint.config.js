export { default } from 'aegir/eslint.config.js'
