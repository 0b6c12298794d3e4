/**
 * One lint setup for the app, the cloud functions, the local host and the tests.
 *
 * Layer rules: the directions imports may take (anything not listed is refused by the overrides below;
 * tests/domain/layers.test.ts proves each one fires).
 *   cloudfunctions/domain    → itself, dayjs, node:crypto: pure rules, which the app runs too
 *   cloudfunctions/contract  → itself, cloudfunctions/domain, zod: the client compiles against it
 *   cloudfunctions/common    → contract, domain, npm packages and the SDK; never a function, server/ or src/
 *   cloudfunctions/<name>    → itself, common, contract, domain, npm packages; never another function, server/ or src/
 *   server/                  → cloudfunctions/domain, contract, common/collections and common/docs; any other
 *                              function code as `import type` only (the host runs the bundles, never the sources); never src/
 *   src/                     → cloudfunctions/domain (but checkin-token, which needs node:crypto) and contract/errors;
 *                              any other cloudfunctions module as `import type` only; never server/ or the SDK
 *   src/pages, src/packages, src/components → also never services/cloud: they go through stores
 *   tests/                   → anything
 * (cloudfunctions/manifests.ts and the manifests are loaded by the build: scripts/build-functions.mjs refuses
 * one that reaches the SDK.) The patterns are gitignore-style, matched against the import as written; a folder
 * left out by one pattern cannot be let back in by a later `!`, hence the `!..`, `!.` steps of the allowlists.
 */

/** Everything but the listed folders of cloudfunctions/, seen from a sibling folder. */
const outsideSiblings = (...allowed) => ['../*/*', ...allowed.map((dir) => `!../${dir}/*`), '../manifests']

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'simple-import-sort', 'react', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended', 'plugin:react-hooks/recommended'],
  settings: { react: { version: '18' } },
  env: { es2022: true, node: true, browser: true },
  rules: {
    'simple-import-sort/imports': 'error',
    'simple-import-sort/exports': 'error',
    'no-console': ['error', { allow: ['error', 'warn'] }],
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    'react/jsx-key': 'error',
  },
  overrides: [
    {
      files: ['src/pages/**', 'src/packages/**', 'src/components/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'wx-server-sdk', message: '页面和组件不能直接访问云端：请通过 stores' }],
            patterns: [
              { group: ['**/services/cloud', '**/cloudfunctions/common/**', '**/server/**'], message: '页面和组件不能直接调用云函数：请通过 stores' },
            ],
          },
        ],
      },
    },
    {
      files: ['src/**'],
      globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly' },
      rules: {
        'no-restricted-syntax': [
          'error',
          { selector: "MemberExpression[object.name='Taro'][property.name='cloud']", message: '只有 src/services/cloud.ts 调用云函数' },
          {
            // Taro 4.1.11 loses a Text's tap handler when React reuses the element, freezing the page (NervJS/taro#19453).
            selector: "JSXOpeningElement[name.name='Text'] > JSXAttribute[name.name='onClick']",
            message: '不要给 Text 绑定点击：用 View 包住 Text 再绑定',
          },
        ],
      },
    },
    { files: ['src/services/cloud.ts', 'src/app.ts'], rules: { 'no-restricted-syntax': 'off' } },
    {
      files: ['src/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'wx-server-sdk', message: '小程序不能引用云端 SDK' }],
            patterns: [
              { group: ['**/server/**'], message: '小程序不能引用本地主机的代码' },
              {
                group: [
                  '**/cloudfunctions/*/*',
                  '!**/cloudfunctions/domain/*',
                  '**/cloudfunctions/domain/checkin-token',
                  '!**/cloudfunctions/contract/errors',
                  '**/cloudfunctions/manifests',
                  '@contract/*',
                  '!@contract/errors',
                ],
                allowTypeImports: true,
                message: '小程序只能用 import type 引用云函数的代码；纯领域规则（cloudfunctions/domain）和错误文案除外',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['cloudfunctions/domain/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['*', '!.', '!./*', '!dayjs', '!dayjs/**', '!node:crypto'],
                message: '领域规则只引用 domain 自身、dayjs 和 node:crypto：不引用 SDK、common、contract、server 或小程序',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['cloudfunctions/contract/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['*', '!.', '!./*', '!..', '!../domain', '!../domain/*', '!zod', '!zod/**'],
                message: '契约只引用 contract 自身、domain 和 zod：小程序会编译它',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['cloudfunctions/common/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                // Heavy libraries load where a route needs them (scripts/build-functions.mjs LAZY_VENDORS): a value
                // import would run them at every cold start. Types are free; the code goes through loadExcel().
                name: 'exceljs',
                allowTypeImports: true,
                message: 'exceljs 只在用到的路由里加载：请用 common/xlsx.ts 的 loadExcel()',
              },
            ],
            patterns: [
              {
                group: [...outsideSiblings('contract', 'domain'), '**/server/**', '**/src/**'],
                message: 'common 是各云函数共用的库：不引用某个云函数、本地主机或小程序的代码',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['cloudfunctions/*/**'],
      excludedFiles: ['cloudfunctions/domain/**', 'cloudfunctions/contract/**', 'cloudfunctions/common/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                // Heavy libraries load where a route needs them (scripts/build-functions.mjs LAZY_VENDORS): a value
                // import would run them at every cold start. Types are free; the code goes through loadExcel().
                name: 'exceljs',
                allowTypeImports: true,
                message: 'exceljs 只在用到的路由里加载：请用 common/xlsx.ts 的 loadExcel()',
              },
            ],
            patterns: [
              {
                group: [...outsideSiblings('common', 'contract', 'domain'), '**/server/**', '**/src/**'],
                message: '云函数只引用自身、common、contract 和 domain：共用的代码放进 common 或 domain',
              },
            ],
          },
        ],
      },
    },
    {
      // A function's own subfolders (stats/areas/<area>.ts): the same rule, one level further down.
      files: ['cloudfunctions/*/*/**'],
      excludedFiles: ['cloudfunctions/domain/**', 'cloudfunctions/contract/**', 'cloudfunctions/common/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'exceljs', allowTypeImports: true, message: 'exceljs 只在用到的路由里加载：请用 common/xlsx.ts 的 loadExcel()' }],
            patterns: [
              {
                group: ['../../*/*', '!../../common/*', '!../../contract/*', '!../../domain/*', '../../manifests', '**/server/**', '**/src/**'],
                message: '云函数只引用自身、common、contract 和 domain：共用的代码放进 common 或 domain',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['server/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: ['**/src/**'], message: '本地主机不引用小程序的代码' },
              {
                group: [
                  '**/cloudfunctions/*/*',
                  '!**/cloudfunctions/domain/*',
                  '!**/cloudfunctions/contract/*',
                  '!**/cloudfunctions/common/collections',
                  '!**/cloudfunctions/common/docs',
                  '!**/cloudfunctions/common/storage-paths',
                  '!**/cloudfunctions/common/qr-png',
                  '**/cloudfunctions/manifests',
                ],
                allowTypeImports: true,
                message: '本地主机运行打包后的云函数：只引用 domain、contract、集合名和文档类型，其余只能 import type',
              },
            ],
          },
        ],
      },
    },
    { files: ['tests/**', 'scripts/**'], rules: { 'no-console': 'off' } },
  ],
}
