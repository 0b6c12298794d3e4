// `npm start`: builds the cloud functions, the H5 app and the local host, then starts the host
// with the seeded demo street. Data lives in .localdata/ (DATA_DIR) and survives restarts.
import { buildFunctions } from './build-functions.mjs'
import { buildHost } from './build-host.mjs'
import { run, step } from './lib.mjs'

step('bundling cloud functions')
await buildFunctions()
step('building the H5 app (taro build --type h5)')
await run('npx', ['taro', 'build', '--type', 'h5'])
await buildHost()
step('starting the local host')
await run(process.execPath, ['dist/host/main.js'])
