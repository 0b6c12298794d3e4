export default definePageConfig({ navigationBarTitleText: '登记回访' })
