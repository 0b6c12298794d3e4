export default definePageConfig({ navigationBarTitleText: '待签承诺书' })
