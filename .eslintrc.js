/**
 * One lint setup for the app, the cloud functions, the local host and the tests.
 * The layer rule: pages and components never reach the cloud or the database themselves;
 * they go through stores, which go through src/services/cloud.ts.
 */
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
      // Heavy libraries load where a route needs them (scripts/build-functions.mjs LAZY_VENDORS): a value import
      // would run them at every cold start. Types are free; the code goes through `await import(...)`.
      files: ['cloudfunctions/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                name: 'exceljs',
                allowTypeImports: true,
                message: 'exceljs 只在用到的路由里加载：请用 common/xlsx.ts 的 loadExcel()',
              },
            ],
          },
        ],
      },
    },
    { files: ['tests/**', 'scripts/**'], rules: { 'no-console': 'off' } },
  ],
}
