/**
 * Installs the js-libp2p 2.x peers (this folder) with `npm ci` from the committed lockfile, unless
 * node_modules already holds exactly what the lockfile says. The folder is not a workspace, so the
 * root `npm ci` never installs it; the interop tests call this before they start (.aegir.js), and
 * `node v2/install.js` does the same by hand.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
/** npm ci of ~120 small packages takes seconds; a slow registry gets a few minutes, no more. */
const INSTALL_TIMEOUT_MS = 5 * 60_000

/** True when node_modules matches the lockfile (npm's hidden lockfile lists what was installed). */
export function v2Installed (dir = HERE) {
  const hidden = join(dir, 'node_modules', '.package-lock.json')
  if (!existsSync(hidden)) { return false }
  const wanted = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages
  const have = JSON.parse(readFileSync(hidden, 'utf8')).packages
  return Object.entries(wanted).every(([path, pkg]) => path === '' || have[path]?.version === pkg.version)
}

export function installV2 (dir = HERE) {
  if (v2Installed(dir)) { return false }
  // Run from a workspace's npm script, npm passes its workspace settings down in npm_config_*;
  // they must not reach this install, which belongs to no workspace.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(workspace|workspaces|include_workspace_root)$/i.test(k)))
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--workspaces=false'], { cwd: dir, env, stdio: 'inherit', timeout: INSTALL_TIMEOUT_MS })
  if (res.status !== 0) { throw new Error(`npm ci in ${dir} failed (status ${res.status}, signal ${res.signal}, ${res.error?.message ?? 'no error'})`) }
  if (!v2Installed(dir)) { throw new Error(`npm ci in ${dir} finished but node_modules does not match the lockfile`) }
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(installV2() ? 'v2 peers installed\n' : 'v2 peers already installed\n')
}
