export default definePageConfig({ navigationBarTitleText: '承诺书管理' })
