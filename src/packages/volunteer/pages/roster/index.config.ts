export default definePageConfig({ navigationBarTitleText: '时长登记' })
